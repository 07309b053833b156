package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author deletes their direct message; it keeps its place. */
public record DeleteDirectMessageCommand(
        @TargetAggregateIdentifier String friendshipId, UUID userId, UUID otherId, UUID messageId) {

    public DeleteDirectMessageCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(messageId, "messageId");
        friendshipId = FriendshipId.of(userId, otherId);
    }

    public DeleteDirectMessageCommand(UUID userId, UUID otherId, UUID messageId) {
        this(null, userId, otherId, messageId);
    }
}
