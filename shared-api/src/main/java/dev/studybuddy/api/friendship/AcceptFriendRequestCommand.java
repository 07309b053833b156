package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The addressee accepts the pending request of {@code requesterId}. */
public record AcceptFriendRequestCommand(
        @TargetAggregateIdentifier String friendshipId, UUID accepterId, UUID requesterId) {

    public AcceptFriendRequestCommand {
        Objects.requireNonNull(accepterId, "accepterId");
        Objects.requireNonNull(requesterId, "requesterId");
        if (accepterId.equals(requesterId)) {
            throw new IllegalArgumentException("a friendship needs two different users");
        }
        friendshipId = FriendshipId.of(accepterId, requesterId);
    }

    public AcceptFriendRequestCommand(UUID accepterId, UUID requesterId) {
        this(null, accepterId, requesterId);
    }
}
