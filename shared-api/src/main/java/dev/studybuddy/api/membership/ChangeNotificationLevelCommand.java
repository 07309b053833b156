package dev.studybuddy.api.membership;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets how much of the group's activity notifies this member. */
public record ChangeNotificationLevelCommand(
        @TargetAggregateIdentifier String membershipId, UUID groupId, UUID userId, NotificationLevel level) {

    public ChangeNotificationLevelCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(level, "level");
        membershipId = MembershipId.of(groupId, userId);
    }

    public ChangeNotificationLevelCommand(UUID groupId, UUID userId, NotificationLevel level) {
        this(null, groupId, userId, level);
    }
}
