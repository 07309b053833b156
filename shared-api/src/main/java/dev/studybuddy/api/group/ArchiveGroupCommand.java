package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archives a group: it refuses every change until its owner unarchives it. */
public record ArchiveGroupCommand(@TargetAggregateIdentifier UUID groupId, Actor actor) {

    public ArchiveGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
    }
}
