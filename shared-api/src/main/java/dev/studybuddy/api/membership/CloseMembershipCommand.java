package dev.studybuddy.api.membership;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a user's seat; sent when they leave, are removed or are banned. */
public record CloseMembershipCommand(
        @TargetAggregateIdentifier String membershipId, UUID groupId, UUID userId) {

    public CloseMembershipCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        membershipId = MembershipId.of(groupId, userId);
    }

    public CloseMembershipCommand(UUID groupId, UUID userId) {
        this(null, groupId, userId);
    }
}
