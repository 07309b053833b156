package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks {@code addresseeId} to be friends; answers with a {@link FriendRequestOutcome}. */
public record SendFriendRequestCommand(
        @TargetAggregateIdentifier String friendshipId, UUID requesterId, UUID addresseeId) {

    public SendFriendRequestCommand {
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(addresseeId, "addresseeId");
        if (requesterId.equals(addresseeId)) {
            throw new IllegalArgumentException("you cannot send a friend request to yourself");
        }
        friendshipId = FriendshipId.of(requesterId, addresseeId);
    }

    public SendFriendRequestCommand(UUID requesterId, UUID addresseeId) {
        this(null, requesterId, addresseeId);
    }
}
