package dev.studybuddy.notification.chat;

import dev.studybuddy.notification.log.NotificationPayload;
import dev.studybuddy.notification.log.NotificationType;
import java.util.UUID;

/** The payloads of the chat notifications; a name is left out when this service does not know it. */
public sealed interface ChatNotice extends NotificationPayload {

    record GroupMention(
            UUID groupId,
            String groupName,
            String conversationId,
            UUID messageId,
            UUID authorId,
            String authorName,
            String excerpt)
            implements ChatNotice {
        @Override
        public NotificationType type() {
            return NotificationType.GROUP_MENTION;
        }
    }

    record DirectMessageReceived(
            String friendshipId,
            String conversationId,
            UUID messageId,
            UUID senderId,
            String senderName,
            String excerpt)
            implements ChatNotice {
        @Override
        public NotificationType type() {
            return NotificationType.DIRECT_MESSAGE_RECEIVED;
        }
    }
}
