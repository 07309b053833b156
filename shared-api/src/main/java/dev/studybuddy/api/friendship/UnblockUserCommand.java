package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code blockerId} lifts their own block on {@code blockedId}. */
public record UnblockUserCommand(@TargetAggregateIdentifier String friendshipId, UUID blockerId, UUID blockedId) {

    public UnblockUserCommand {
        Objects.requireNonNull(blockerId, "blockerId");
        Objects.requireNonNull(blockedId, "blockedId");
        if (blockerId.equals(blockedId)) {
            throw new IllegalArgumentException("a friendship needs two different users");
        }
        friendshipId = FriendshipId.of(blockerId, blockedId);
    }

    public UnblockUserCommand(UUID blockerId, UUID blockedId) {
        this(null, blockerId, blockedId);
    }
}
