package dev.studybuddy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.notification.chat.ChatNotice;
import dev.studybuddy.notification.friendrequest.FriendRequestNotice;
import dev.studybuddy.notification.groupactivity.GroupActivityNotice;
import dev.studybuddy.notification.log.NotificationPayload;
import dev.studybuddy.notification.log.NotificationType;
import dev.studybuddy.notification.studysession.StudySessionNotice;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The e-mail subjects, read from the payload as the NotificationLog stores it (the record's JSON, back into the
 * record by the row's type): the same sentences the map-reading code wrote, for every type.
 */
class MailSubjectsTest {

    private static final TypeReference<Map<String, Object>> STORED = new TypeReference<>() {};
    private static final UUID GROUP = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000001");
    private static final UUID ADA = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000002");
    private static final UUID STRANGER = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000009");
    private static final UUID MESSAGE = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000003");
    private static final UUID SESSION = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000004");
    private static final String FRIENDSHIP =
            "6a0e5c1e-0000-4000-8000-000000000002_6a0e5c1e-0000-4000-8000-000000000005";
    private static final Instant STARTS = Instant.parse("2026-12-10T17:00:00Z");

    /** Configured as Spring Boot configures the service's own. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final MailSubjects subjects =
            new MailSubjects(user -> user.equals(ADA) ? Optional.of("Ada Lovelace") : Optional.empty());

    @Test
    void friendRequests() {
        assertSubject(new FriendRequestNotice.Received(FRIENDSHIP, ADA), "Ada Lovelace sent you a friend request");
        assertSubject(
                new FriendRequestNotice.Reminder(FRIENDSHIP, ADA),
                "Ada Lovelace is still waiting for your answer to their friend request");
        assertSubject(new FriendRequestNotice.Accepted(FRIENDSHIP, STRANGER), "Someone accepted your friend request");
    }

    @Test
    void groupActivity() {
        assertSubject(
                new GroupActivityNotice.JoinRequestReceived(GROUP, "Algebra", ADA, "Ada"),
                "Ada Lovelace asks to join Algebra");
        assertSubject(
                new GroupActivityNotice.JoinRequestApproved(GROUP, "Algebra", ADA, "Ada"),
                "Your request to join Algebra was approved");
        assertSubject(
                new GroupActivityNotice.JoinRequestRejected(GROUP, null, ADA, null),
                "Your request to join a group was declined");
        assertSubject(
                new GroupActivityNotice.InvitationReceived(GROUP, "Algebra", ADA, "Ada"),
                "Ada Lovelace invited you to Algebra");
        assertSubject(
                new GroupActivityNotice.MemberRemoved(GROUP, "Algebra", ADA, "Ada"), "You were removed from Algebra");
        assertSubject(
                new GroupActivityNotice.MemberBanned(GROUP, "Algebra", ADA, "Ada"), "You were banned from Algebra");
        assertSubject(
                new GroupActivityNotice.RoleChanged(GROUP, "Algebra", ADA, "Ada", GroupRole.MEMBER, GroupRole.ADMIN),
                "Your role in Algebra is now ADMIN");
        assertSubject(
                new GroupActivityNotice.OwnershipReceived(GROUP, "Algebra", ADA, "Ada"),
                "You are now the owner of Algebra");
        assertSubject(
                new GroupActivityNotice.InvitationExpired(GROUP, "Algebra", null, null),
                "Your invitation to Algebra has expired");
        assertSubject(
                new GroupActivityNotice.InvitationLapsed(GROUP, "Algebra", STRANGER, null),
                "Someone did not answer your invitation to Algebra");
    }

    @Test
    void chat() {
        assertSubject(
                new ChatNotice.GroupMention(GROUP, "Algebra", "group:" + GROUP, MESSAGE, ADA, "Ada", "hi @you"),
                "Ada Lovelace mentioned you in Algebra");
        assertSubject(
                new ChatNotice.DirectMessageReceived(FRIENDSHIP, "direct:" + FRIENDSHIP, MESSAGE, ADA, "Ada", "hi"),
                "Ada Lovelace sent you a message");
    }

    @Test
    void studySessions() {
        assertSubject(
                new StudySessionNotice.Reminder(GROUP, "Algebra", SESSION, "Exam prep", STARTS, 60),
                "Exam prep in Algebra starts at 2026-12-10T17:00:00Z");
        assertSubject(
                new StudySessionNotice.Rescheduled(
                        GROUP, null, SESSION, null, STARTS, 60, STARTS.minusSeconds(3600), ADA),
                "A study session in a group was moved to 2026-12-10T17:00:00Z");
        assertSubject(
                new StudySessionNotice.Cancelled(GROUP, "Algebra", SESSION, "Exam prep", STARTS, 60, ADA),
                "Exam prep in Algebra was cancelled");
    }

    @Test
    void everyTypeIsReadBackIntoItsOwnRecord() {
        for (NotificationType type : NotificationType.values()) {
            assertThat(StoredPayloads.read(json, type.key(), Map.of()))
                    .as(type.key())
                    .hasValueSatisfying(payload -> assertThat(payload.type()).isEqualTo(type));
        }
    }

    @Test
    void anUnknownTypeOrAnUnfittingPayloadGetsTheGenericSubject() {
        assertThat(StoredPayloads.read(json, "something.new", Map.of("a", 1))).isEmpty();
        assertThat(StoredPayloads.read(json, "friend-request.received", Map.of("requesterId", "not a uuid")))
                .isEmpty();
        assertThat(subjects.of(() -> NotificationType.FRIEND_REQUEST_RECEIVED)).isEqualTo(MailSubjects.ANY);
    }

    private void assertSubject(NotificationPayload written, String subject) {
        Map<String, Object> stored = json.convertValue(written, STORED);
        NotificationPayload read =
                StoredPayloads.read(json, written.type().key(), stored).orElseThrow();
        assertThat(read).isEqualTo(written);
        assertThat(subjects.of(read)).isEqualTo(subject);
    }
}
