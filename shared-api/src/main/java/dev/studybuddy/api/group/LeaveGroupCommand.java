package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member leaves (the owner must transfer ownership or archive first). */
public record LeaveGroupCommand(@TargetAggregateIdentifier UUID groupId, UUID userId) {

    public LeaveGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
    }
}
