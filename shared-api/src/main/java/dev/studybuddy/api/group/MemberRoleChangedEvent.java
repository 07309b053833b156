package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A member's role changed. */
@Revision("1")
public record MemberRoleChangedEvent(
        UUID groupId, UUID userId, GroupRole previousRole, GroupRole role, UUID changedBy) {}
