package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An OWNER or ADMIN turns down a join request. */
public record RejectJoinRequestCommand(
        @TargetAggregateIdentifier UUID groupId, Actor actor, UUID requesterId) {

    public RejectJoinRequestCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requesterId, "requesterId");
    }
}
