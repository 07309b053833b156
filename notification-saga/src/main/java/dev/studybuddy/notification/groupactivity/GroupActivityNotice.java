package dev.studybuddy.notification.groupactivity;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.notification.log.NotificationPayload;
import dev.studybuddy.notification.log.NotificationType;
import java.util.UUID;

/**
 * The payloads of the group-activity notifications: the group, and who did it (or, for a lapsed invitation, whom
 * it was for), each with the name this service knows for it, left out when it knows none.
 */
public sealed interface GroupActivityNotice extends NotificationPayload {

    /** To the group's OWNER and ADMINs. */
    record JoinRequestReceived(UUID groupId, String groupName, UUID requesterId, String requesterName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_JOIN_REQUEST_RECEIVED;
        }
    }

    /** To the requester. */
    record JoinRequestApproved(UUID groupId, String groupName, UUID approvedBy, String approvedByName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_JOIN_REQUEST_APPROVED;
        }
    }

    /** To the requester. */
    record JoinRequestRejected(UUID groupId, String groupName, UUID rejectedBy, String rejectedByName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_JOIN_REQUEST_REJECTED;
        }
    }

    /** To the invitee. */
    record InvitationReceived(UUID groupId, String groupName, UUID invitedBy, String invitedByName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_INVITATION_RECEIVED;
        }
    }

    /** To the invitee; without inviter when the recipients projection never saw who it was. */
    record InvitationExpired(UUID groupId, String groupName, UUID invitedBy, String invitedByName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_INVITATION_EXPIRED;
        }
    }

    /** To the inviter. */
    record InvitationLapsed(UUID groupId, String groupName, UUID inviteeId, String inviteeName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_INVITATION_LAPSED;
        }
    }

    /** To the member removed. */
    record MemberRemoved(UUID groupId, String groupName, UUID removedBy, String removedByName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_MEMBER_REMOVED;
        }
    }

    /** To the member banned. */
    record MemberBanned(UUID groupId, String groupName, UUID bannedBy, String bannedByName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_MEMBER_BANNED;
        }
    }

    /** To the member whose role changed. */
    record RoleChanged(
            UUID groupId,
            String groupName,
            UUID changedBy,
            String changedByName,
            GroupRole previousRole,
            GroupRole role)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_ROLE_CHANGED;
        }
    }

    /** To the new owner. */
    record OwnershipReceived(UUID groupId, String groupName, UUID previousOwnerId, String previousOwnerName)
            implements GroupActivityNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_OWNERSHIP_RECEIVED;
        }
    }
}
