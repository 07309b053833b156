package dev.studybuddy.notification.log;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about, as the inbox and the preferences name it. Every type is shown in-app;
 * e-mail is sent besides unless the recipient turned it off for the type ({@link #emailByDefault}).
 */
public enum NotificationType {
    FRIEND_REQUEST_RECEIVED("friend-request.received", true),
    FRIEND_REQUEST_REMINDER("friend-request.reminder", true),
    FRIEND_REQUEST_ACCEPTED("friend-request.accepted", true),
    GROUP_JOIN_REQUEST_RECEIVED("group.join-request.received", true),
    GROUP_JOIN_REQUEST_APPROVED("group.join-request.approved", true),
    GROUP_JOIN_REQUEST_REJECTED("group.join-request.rejected", true),
    GROUP_INVITATION_RECEIVED("group.invitation.received", true),
    GROUP_MEMBER_REMOVED("group.member.removed", true),
    GROUP_MEMBER_BANNED("group.member.banned", true),
    GROUP_ROLE_CHANGED("group.member.role-changed", false),
    GROUP_OWNERSHIP_RECEIVED("group.ownership.received", true),
    GROUP_INVITATION_EXPIRED("group.invitation.expired", true),
    GROUP_INVITATION_LAPSED("group.invitation.lapsed", false),
    GROUP_MENTION("group.message.mention", true),
    DIRECT_MESSAGE_RECEIVED("direct-message.received", true),
    STUDY_SESSION_REMINDER("study-session.reminder", true),
    STUDY_SESSION_RESCHEDULED("study-session.rescheduled", true),
    STUDY_SESSION_CANCELLED("study-session.cancelled", true);

    private final String key;
    private final boolean emailByDefault;

    NotificationType(String key, boolean emailByDefault) {
        this.key = key;
        this.emailByDefault = emailByDefault;
    }

    /** The stable name clients see, e.g. {@code friend-request.received}. */
    public String key() {
        return key;
    }

    public boolean emailByDefault() {
        return emailByDefault;
    }

    public static Optional<NotificationType> byKey(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }
}
