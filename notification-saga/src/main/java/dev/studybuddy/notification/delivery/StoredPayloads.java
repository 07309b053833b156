package dev.studybuddy.notification.delivery;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.notification.chat.ChatNotice;
import dev.studybuddy.notification.friendrequest.FriendRequestNotice;
import dev.studybuddy.notification.groupactivity.GroupActivityNotice;
import dev.studybuddy.notification.log.NotificationPayload;
import dev.studybuddy.notification.log.NotificationType;
import dev.studybuddy.notification.studysession.StudySessionNotice;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a NotificationLog row's payload back into the record it was written from, by the row's type, for what has to
 * understand it (the e-mail's subject). The inbox, the in-app frame and the audit pass the stored JSON on as it is
 * (notification-saga/README.md, "What is notified").
 */
final class StoredPayloads {

    private static final Map<String, Class<? extends NotificationPayload>> BY_TYPE = Map.ofEntries(
            entry(NotificationType.FRIEND_REQUEST_RECEIVED.key(), FriendRequestNotice.Received.class),
            entry(NotificationType.FRIEND_REQUEST_REMINDER.key(), FriendRequestNotice.Reminder.class),
            entry(NotificationType.FRIEND_REQUEST_ACCEPTED.key(), FriendRequestNotice.Accepted.class),
            entry(NotificationType.GROUP_JOIN_REQUEST_RECEIVED.key(), GroupActivityNotice.JoinRequestReceived.class),
            entry(NotificationType.GROUP_JOIN_REQUEST_APPROVED.key(), GroupActivityNotice.JoinRequestApproved.class),
            entry(NotificationType.GROUP_JOIN_REQUEST_REJECTED.key(), GroupActivityNotice.JoinRequestRejected.class),
            entry(NotificationType.GROUP_INVITATION_RECEIVED.key(), GroupActivityNotice.InvitationReceived.class),
            entry(NotificationType.GROUP_MEMBER_REMOVED.key(), GroupActivityNotice.MemberRemoved.class),
            entry(NotificationType.GROUP_MEMBER_BANNED.key(), GroupActivityNotice.MemberBanned.class),
            entry(NotificationType.GROUP_ROLE_CHANGED.key(), GroupActivityNotice.RoleChanged.class),
            entry(NotificationType.GROUP_OWNERSHIP_RECEIVED.key(), GroupActivityNotice.OwnershipReceived.class),
            entry(NotificationType.GROUP_INVITATION_EXPIRED.key(), GroupActivityNotice.InvitationExpired.class),
            entry(NotificationType.GROUP_INVITATION_LAPSED.key(), GroupActivityNotice.InvitationLapsed.class),
            entry(NotificationType.GROUP_MENTION.key(), ChatNotice.GroupMention.class),
            entry(NotificationType.DIRECT_MESSAGE_RECEIVED.key(), ChatNotice.DirectMessageReceived.class),
            entry(NotificationType.STUDY_SESSION_REMINDER.key(), StudySessionNotice.Reminder.class),
            entry(NotificationType.STUDY_SESSION_RESCHEDULED.key(), StudySessionNotice.Rescheduled.class),
            entry(NotificationType.STUDY_SESSION_CANCELLED.key(), StudySessionNotice.Cancelled.class));

    private StoredPayloads() {}

    /** @return the payload as its record; empty for a type this node does not know or JSON that does not fit it */
    static Optional<NotificationPayload> read(ObjectMapper json, String type, Map<String, Object> payload) {
        Class<? extends NotificationPayload> record = BY_TYPE.get(type);
        if (record == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.convertValue(payload == null ? Map.of() : payload, record));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
