package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invitee accepts and joins. */
public record AcceptInvitationCommand(
        @TargetAggregateIdentifier UUID groupId, UUID inviteeId) {

    public AcceptInvitationCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(inviteeId, "inviteeId");
    }
}
