package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either friend ends the friendship. */
public record RemoveFriendCommand(@TargetAggregateIdentifier String friendshipId, UUID userId, UUID friendId) {

    public RemoveFriendCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(friendId, "friendId");
        if (userId.equals(friendId)) {
            throw new IllegalArgumentException("a friendship needs two different users");
        }
        friendshipId = FriendshipId.of(userId, friendId);
    }

    public RemoveFriendCommand(UUID userId, UUID friendId) {
        this(null, userId, friendId);
    }
}
