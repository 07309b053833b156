package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes {@code fileId} (an AVATAR upload of the user's own) the user's profile picture. */
public record ChangeAvatarCommand(@TargetAggregateIdentifier UUID userId, UUID fileId) {

    public ChangeAvatarCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(fileId, "fileId");
    }
}
