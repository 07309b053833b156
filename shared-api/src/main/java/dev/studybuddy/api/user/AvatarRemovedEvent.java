package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The user has no profile picture any more; {@code fileId} was it (the user took it away, or deleted the file). */
@Revision("1")
public record AvatarRemovedEvent(UUID userId, UUID fileId) {}
