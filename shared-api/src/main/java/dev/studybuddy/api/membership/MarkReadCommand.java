package dev.studybuddy.api.membership;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves the read position forward to {@code seq} (never back), and never past {@code latestSeq}, the sequence number
 * of the group's newest event when the read was asked: nobody has read what was not written yet.
 */
public record MarkReadCommand(
        @TargetAggregateIdentifier String membershipId, UUID groupId, UUID userId, long seq, long latestSeq) {

    public MarkReadCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        membershipId = MembershipId.of(groupId, userId);
    }

    public MarkReadCommand(UUID groupId, UUID userId, long seq, long latestSeq) {
        this(null, groupId, userId, seq, latestSeq);
    }
}
