package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a study group whose creator is its OWNER. */
public record CreateGroupCommand(
        @TargetAggregateIdentifier UUID groupId,
        UUID ownerId,
        String name,
        String description,
        GroupVisibility visibility,
        JoinPolicy joinPolicy,
        Integer capacity) {

    public CreateGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(ownerId, "ownerId");
        name = GroupRules.requireName(name);
        description = GroupRules.requireDescription(description);
        visibility = visibility == null ? GroupVisibility.PUBLIC : visibility;
        joinPolicy = joinPolicy == null ? JoinPolicy.OPEN : joinPolicy;
        capacity = GroupRules.requireCapacity(capacity == null ? GroupRules.DEFAULT_CAPACITY : capacity);
    }
}
