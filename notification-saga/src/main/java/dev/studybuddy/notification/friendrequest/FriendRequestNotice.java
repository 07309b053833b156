package dev.studybuddy.notification.friendrequest;

import dev.studybuddy.notification.log.NotificationPayload;
import dev.studybuddy.notification.log.NotificationType;
import java.util.UUID;

/** The payloads of the friend-request notifications. */
public sealed interface FriendRequestNotice extends NotificationPayload {

    /** To the addressee. */
    record Received(String friendshipId, UUID requesterId) implements FriendRequestNotice {
        @Override
        public NotificationType type() {
            return NotificationType.FRIEND_REQUEST_RECEIVED;
        }
    }

    /** To the addressee, once, while the request is still pending. */
    record Reminder(String friendshipId, UUID requesterId) implements FriendRequestNotice {
        @Override
        public NotificationType type() {
            return NotificationType.FRIEND_REQUEST_REMINDER;
        }
    }

    /** To the requester. */
    record Accepted(String friendshipId, UUID addresseeId) implements FriendRequestNotice {
        @Override
        public NotificationType type() {
            return NotificationType.FRIEND_REQUEST_ACCEPTED;
        }
    }
}
