package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invitee declines. */
public record DeclineInvitationCommand(
        @TargetAggregateIdentifier UUID groupId, UUID inviteeId) {

    public DeclineInvitationCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(inviteeId, "inviteeId");
    }
}
