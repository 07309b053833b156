package dev.studybuddy.api.membership;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens (or reopens) a user's seat in a group; sent when the group admits them. */
public record OpenMembershipCommand(
        @TargetAggregateIdentifier String membershipId, UUID groupId, UUID userId) {

    public OpenMembershipCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        membershipId = MembershipId.of(groupId, userId);
    }

    public OpenMembershipCommand(UUID groupId, UUID userId) {
        this(null, groupId, userId);
    }
}
