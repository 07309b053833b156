package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The public profile now reads as given (both fields are the full new values). */
@Revision("1")
public record ProfileChangedEvent(UUID userId, String displayName, String bio) {
}
