package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An OWNER or ADMIN invites a user. */
public record InviteToGroupCommand(
        @TargetAggregateIdentifier UUID groupId, Actor actor, UUID inviteeId) {

    public InviteToGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(inviteeId, "inviteeId");
    }
}
