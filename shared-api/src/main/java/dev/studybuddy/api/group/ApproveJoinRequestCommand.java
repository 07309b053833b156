package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An OWNER or ADMIN admits a user who asked to join. */
public record ApproveJoinRequestCommand(
        @TargetAggregateIdentifier UUID groupId, Actor actor, UUID requesterId) {

    public ApproveJoinRequestCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requesterId, "requesterId");
    }
}
