package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The public profile now reads as given (both fields are the full new values). */
@Revision("1")
public record ProfileChangedEvent(UUID userId, String displayName, String bio) {}
