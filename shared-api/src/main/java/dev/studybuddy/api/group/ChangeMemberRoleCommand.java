package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner makes a member an ADMIN or an ADMIN a MEMBER. */
public record ChangeMemberRoleCommand(
        @TargetAggregateIdentifier UUID groupId, Actor actor, UUID memberId, GroupRole role) {

    public ChangeMemberRoleCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        if (role == GroupRole.OWNER) {
            throw new IllegalArgumentException("ownership changes hands by transfer, not by role change");
        }
    }
}
