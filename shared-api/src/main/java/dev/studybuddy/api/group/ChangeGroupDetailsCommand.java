package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a group's details; a {@code null} field stays as it is. */
public record ChangeGroupDetailsCommand(
        @TargetAggregateIdentifier UUID groupId,
        Actor actor,
        String name,
        String description,
        GroupVisibility visibility,
        JoinPolicy joinPolicy,
        Integer capacity) {

    public ChangeGroupDetailsCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        name = name == null ? null : GroupRules.requireName(name);
        description = description == null ? null : GroupRules.requireDescription(description);
        capacity = capacity == null ? null : GroupRules.requireCapacity(capacity);
    }
}
