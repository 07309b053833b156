package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code blockerId} blocks {@code blockedId}: ends a friendship or pending request and refuses new ones both ways. */
public record BlockUserCommand(@TargetAggregateIdentifier String friendshipId, UUID blockerId, UUID blockedId) {

    public BlockUserCommand {
        Objects.requireNonNull(blockerId, "blockerId");
        Objects.requireNonNull(blockedId, "blockedId");
        if (blockerId.equals(blockedId)) {
            throw new IllegalArgumentException("you cannot block yourself");
        }
        friendshipId = FriendshipId.of(blockerId, blockedId);
    }

    public BlockUserCommand(UUID blockerId, UUID blockedId) {
        this(null, blockerId, blockedId);
    }
}
