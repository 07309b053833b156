package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a user's read position in a direct conversation forward to {@code seq} (never back), and never past the
 * conversation's newest event: nobody has read what was not written yet.
 */
public record MarkDirectReadCommand(
        @TargetAggregateIdentifier String friendshipId, UUID userId, UUID otherId, long seq) {

    public MarkDirectReadCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(otherId, "otherId");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        friendshipId = FriendshipId.of(userId, otherId);
    }

    public MarkDirectReadCommand(UUID userId, UUID otherId, long seq) {
        this(null, userId, otherId, seq);
    }
}
