package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner brings an archived group back. */
public record UnarchiveGroupCommand(
        @TargetAggregateIdentifier UUID groupId, Actor actor) {

    public UnarchiveGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
    }
}
