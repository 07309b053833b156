package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The addressee declines the pending request of {@code requesterId}. */
public record DeclineFriendRequestCommand(
        @TargetAggregateIdentifier String friendshipId, UUID declinerId, UUID requesterId) {

    public DeclineFriendRequestCommand {
        Objects.requireNonNull(declinerId, "declinerId");
        Objects.requireNonNull(requesterId, "requesterId");
        if (declinerId.equals(requesterId)) {
            throw new IllegalArgumentException("a friendship needs two different users");
        }
        friendshipId = FriendshipId.of(declinerId, requesterId);
    }

    public DeclineFriendRequestCommand(UUID declinerId, UUID requesterId) {
        this(null, declinerId, requesterId);
    }
}
