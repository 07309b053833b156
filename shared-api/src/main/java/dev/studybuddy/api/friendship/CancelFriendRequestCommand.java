package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester withdraws their pending request to {@code addresseeId}. */
public record CancelFriendRequestCommand(
        @TargetAggregateIdentifier String friendshipId, UUID requesterId, UUID addresseeId) {

    public CancelFriendRequestCommand {
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(addresseeId, "addresseeId");
        if (requesterId.equals(addresseeId)) {
            throw new IllegalArgumentException("a friendship needs two different users");
        }
        friendshipId = FriendshipId.of(requesterId, addresseeId);
    }

    public CancelFriendRequestCommand(UUID requesterId, UUID addresseeId) {
        this(null, requesterId, addresseeId);
    }
}
