package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a member from the group. */
public record RemoveMemberCommand(@TargetAggregateIdentifier UUID groupId, Actor actor, UUID memberId) {

    public RemoveMemberCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(memberId, "memberId");
    }
}
