package dev.studybuddy.api.membership;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The member's notification level changed. */
@Revision("1")
public record NotificationLevelChangedEvent(String membershipId, UUID groupId, UUID userId, NotificationLevel level) {}
