package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The user's profile picture is now the file {@code fileId}. */
@Revision("1")
public record AvatarChangedEvent(UUID userId, UUID fileId) {
}
