package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The user's profile picture is now the file {@code fileId}. */
@Revision("1")
public record AvatarChangedEvent(UUID userId, UUID fileId) {}
