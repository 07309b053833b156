package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation the caller may accept or decline: enough of the group to decide (a private group shows
 * nothing else to a non-member) and who invited them.
 */
public record PendingInvitation(
        UUID groupId,
        String groupName,
        String description,
        GroupVisibility visibility,
        JoinPolicy joinPolicy,
        int capacity,
        int memberCount,
        boolean archived,
        Inviter invitedBy,
        Instant invitedAt) {

    public record Inviter(UUID userId, String username, String displayName) {}
}
