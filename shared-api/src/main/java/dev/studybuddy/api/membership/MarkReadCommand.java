package dev.studybuddy.api.membership;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the read position forward to {@code seq} (never back). */
public record MarkReadCommand(@TargetAggregateIdentifier String membershipId, UUID groupId, UUID userId, long seq) {

    public MarkReadCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        membershipId = MembershipId.of(groupId, userId);
    }

    public MarkReadCommand(UUID groupId, UUID userId, long seq) {
        this(null, groupId, userId, seq);
    }
}
