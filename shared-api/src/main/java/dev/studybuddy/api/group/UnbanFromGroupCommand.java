package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a ban. */
public record UnbanFromGroupCommand(
        @TargetAggregateIdentifier UUID groupId, Actor actor, UUID userId) {

    public UnbanFromGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(userId, "userId");
    }
}
