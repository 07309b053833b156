package dev.studybuddy.notification.delivery;

import dev.studybuddy.notification.chat.ChatNotice;
import dev.studybuddy.notification.friendrequest.FriendRequestNotice;
import dev.studybuddy.notification.groupactivity.GroupActivityNotice;
import dev.studybuddy.notification.log.NotificationPayload;
import dev.studybuddy.notification.studysession.StudySessionNotice;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The subject (and first line) of a notification's e-mail, from its payload record: who, by their display name as
 * this service knows it now ({@code names}), what, and the group by the name the payload carries.
 */
final class MailSubjects {

    static final String ANY = "You have a new StudyBuddy notification";

    private final Function<UUID, Optional<String>> names;

    MailSubjects(Function<UUID, Optional<String>> names) {
        this.names = names;
    }

    String of(NotificationPayload payload) {
        if (payload instanceof FriendRequestNotice.Received received) {
            return name(received.requesterId()) + " sent you a friend request";
        } else if (payload instanceof FriendRequestNotice.Reminder reminder) {
            return name(reminder.requesterId()) + " is still waiting for your answer to their friend request";
        } else if (payload instanceof FriendRequestNotice.Accepted accepted) {
            return name(accepted.addresseeId()) + " accepted your friend request";
        } else if (payload instanceof GroupActivityNotice notice) {
            return groupActivity(notice);
        } else if (payload instanceof ChatNotice.GroupMention mention) {
            return name(mention.authorId()) + " mentioned you in " + group(mention.groupName());
        } else if (payload instanceof ChatNotice.DirectMessageReceived direct) {
            return name(direct.senderId()) + " sent you a message";
        } else if (payload instanceof StudySessionNotice.Reminder reminder) {
            return title(reminder.title()) + " in " + group(reminder.groupName()) + " starts at "
                    + at(reminder.startsAt(), "soon");
        } else if (payload instanceof StudySessionNotice.Rescheduled moved) {
            return title(moved.title()) + " in " + group(moved.groupName()) + " was moved to "
                    + at(moved.startsAt(), "another time");
        } else if (payload instanceof StudySessionNotice.Cancelled cancelled) {
            return title(cancelled.title()) + " in " + group(cancelled.groupName()) + " was cancelled";
        }
        return ANY;
    }

    private String groupActivity(GroupActivityNotice notice) {
        if (notice instanceof GroupActivityNotice.JoinRequestReceived asked) {
            return name(asked.requesterId()) + " asks to join " + group(asked.groupName());
        } else if (notice instanceof GroupActivityNotice.JoinRequestApproved approved) {
            return "Your request to join " + group(approved.groupName()) + " was approved";
        } else if (notice instanceof GroupActivityNotice.JoinRequestRejected rejected) {
            return "Your request to join " + group(rejected.groupName()) + " was declined";
        } else if (notice instanceof GroupActivityNotice.InvitationReceived invited) {
            return name(invited.invitedBy()) + " invited you to " + group(invited.groupName());
        } else if (notice instanceof GroupActivityNotice.MemberRemoved removed) {
            return "You were removed from " + group(removed.groupName());
        } else if (notice instanceof GroupActivityNotice.MemberBanned banned) {
            return "You were banned from " + group(banned.groupName());
        } else if (notice instanceof GroupActivityNotice.RoleChanged changed) {
            return "Your role in " + group(changed.groupName()) + " is now "
                    + (changed.role() == null ? "changed" : changed.role().name());
        } else if (notice instanceof GroupActivityNotice.OwnershipReceived owner) {
            return "You are now the owner of " + group(owner.groupName());
        } else if (notice instanceof GroupActivityNotice.InvitationExpired expired) {
            return "Your invitation to " + group(expired.groupName()) + " has expired";
        } else if (notice instanceof GroupActivityNotice.InvitationLapsed lapsed) {
            return name(lapsed.inviteeId()) + " did not answer your invitation to " + group(lapsed.groupName());
        }
        return ANY;
    }

    private String name(UUID userId) {
        return Optional.ofNullable(userId).flatMap(names).orElse("Someone");
    }

    private static String group(String groupName) {
        return groupName == null ? "a group" : groupName;
    }

    private static String title(String title) {
        return title == null ? "A study session" : title;
    }

    private static String at(Instant startsAt, String otherwise) {
        return startsAt == null ? otherwise : startsAt.toString();
    }
}
