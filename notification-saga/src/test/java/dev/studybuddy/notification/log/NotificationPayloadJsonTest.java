package dev.studybuddy.notification.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.notification.chat.ChatNotice;
import dev.studybuddy.notification.friendrequest.FriendRequestNotice;
import dev.studybuddy.notification.groupactivity.GroupActivityNotice;
import dev.studybuddy.notification.studysession.StudySessionNotice;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Pins the JSON of every notification payload: the NotificationLog stores it, and the inbox, the in-app frame and
 * the e-mail read it. Each is compared with the map the notifiers wrote before the payloads were records (ids and
 * times as strings, a name left out when unknown), field by field and in order.
 */
class NotificationPayloadJsonTest {

    /** Configured as Spring Boot configures the service's own. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final UUID GROUP = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000001");
    private static final UUID ACTOR = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000002");
    private static final UUID MESSAGE = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000003");
    private static final UUID SESSION = UUID.fromString("6a0e5c1e-0000-4000-8000-000000000004");
    private static final String FRIENDSHIP =
            "6a0e5c1e-0000-4000-8000-000000000002_6a0e5c1e-0000-4000-8000-000000000005";
    private static final Instant STARTS = Instant.parse("2026-12-10T17:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-12-09T17:30:00.250Z");

    @Test
    void friendRequests() throws Exception {
        pins(
                new FriendRequestNotice.Received(FRIENDSHIP, ACTOR),
                map("friendshipId", FRIENDSHIP, "requesterId", ACTOR));
        pins(
                new FriendRequestNotice.Reminder(FRIENDSHIP, ACTOR),
                map("friendshipId", FRIENDSHIP, "requesterId", ACTOR));
        pins(
                new FriendRequestNotice.Accepted(FRIENDSHIP, ACTOR),
                map("friendshipId", FRIENDSHIP, "addresseeId", ACTOR));
    }

    @Test
    void groupActivityWithNames() throws Exception {
        pins(
                new GroupActivityNotice.JoinRequestReceived(GROUP, "Algebra", ACTOR, "Ada"),
                about("requesterId", "requesterName"));
        pins(
                new GroupActivityNotice.JoinRequestApproved(GROUP, "Algebra", ACTOR, "Ada"),
                about("approvedBy", "approvedByName"));
        pins(
                new GroupActivityNotice.JoinRequestRejected(GROUP, "Algebra", ACTOR, "Ada"),
                about("rejectedBy", "rejectedByName"));
        pins(
                new GroupActivityNotice.InvitationReceived(GROUP, "Algebra", ACTOR, "Ada"),
                about("invitedBy", "invitedByName"));
        pins(
                new GroupActivityNotice.InvitationExpired(GROUP, "Algebra", ACTOR, "Ada"),
                about("invitedBy", "invitedByName"));
        pins(
                new GroupActivityNotice.InvitationLapsed(GROUP, "Algebra", ACTOR, "Ada"),
                about("inviteeId", "inviteeName"));
        pins(
                new GroupActivityNotice.MemberRemoved(GROUP, "Algebra", ACTOR, "Ada"),
                about("removedBy", "removedByName"));
        pins(new GroupActivityNotice.MemberBanned(GROUP, "Algebra", ACTOR, "Ada"), about("bannedBy", "bannedByName"));
        Map<String, Object> roleChanged = about("changedBy", "changedByName");
        roleChanged.put("previousRole", "MEMBER");
        roleChanged.put("role", "ADMIN");
        pins(
                new GroupActivityNotice.RoleChanged(GROUP, "Algebra", ACTOR, "Ada", GroupRole.MEMBER, GroupRole.ADMIN),
                roleChanged);
        pins(
                new GroupActivityNotice.OwnershipReceived(GROUP, "Algebra", ACTOR, "Ada"),
                about("previousOwnerId", "previousOwnerName"));
    }

    @Test
    void unknownNamesAndAnUnknownInviterAreLeftOut() throws Exception {
        pins(
                new GroupActivityNotice.MemberRemoved(GROUP, null, ACTOR, null),
                map("groupId", GROUP, "removedBy", ACTOR));
        pins(
                new GroupActivityNotice.InvitationExpired(GROUP, "Algebra", null, null),
                map("groupId", GROUP, "groupName", "Algebra"));
        pins(
                new ChatNotice.DirectMessageReceived(FRIENDSHIP, "direct:" + FRIENDSHIP, MESSAGE, ACTOR, null, "hi"),
                map(
                        "friendshipId",
                        FRIENDSHIP,
                        "conversationId",
                        "direct:" + FRIENDSHIP,
                        "messageId",
                        MESSAGE,
                        "senderId",
                        ACTOR,
                        "excerpt",
                        "hi"));
    }

    @Test
    void chat() throws Exception {
        pins(
                new ChatNotice.GroupMention(GROUP, "Algebra", "group:" + GROUP, MESSAGE, ACTOR, "Ada", "@you look"),
                map(
                        "groupId",
                        GROUP,
                        "groupName",
                        "Algebra",
                        "conversationId",
                        "group:" + GROUP,
                        "messageId",
                        MESSAGE,
                        "authorId",
                        ACTOR,
                        "authorName",
                        "Ada",
                        "excerpt",
                        "@you look"));
        pins(
                new ChatNotice.DirectMessageReceived(FRIENDSHIP, "direct:" + FRIENDSHIP, MESSAGE, ACTOR, "Ada", "hi"),
                map(
                        "friendshipId",
                        FRIENDSHIP,
                        "conversationId",
                        "direct:" + FRIENDSHIP,
                        "messageId",
                        MESSAGE,
                        "senderId",
                        ACTOR,
                        "senderName",
                        "Ada",
                        "excerpt",
                        "hi"));
    }

    @Test
    void studySessions() throws Exception {
        pins(new StudySessionNotice.Reminder(GROUP, "Algebra", SESSION, "Eigenvalues", STARTS, 60), session());
        Map<String, Object> rescheduled = session();
        rescheduled.put("previousStartsAt", BEFORE.toString());
        rescheduled.put("changedBy", ACTOR.toString());
        pins(
                new StudySessionNotice.Rescheduled(GROUP, "Algebra", SESSION, "Eigenvalues", STARTS, 60, BEFORE, ACTOR),
                rescheduled);
        Map<String, Object> cancelled = session();
        cancelled.put("cancelledBy", ACTOR.toString());
        pins(new StudySessionNotice.Cancelled(GROUP, "Algebra", SESSION, "Eigenvalues", STARTS, 60, ACTOR), cancelled);
    }

    @Test
    void theStoredJsonOfOneIsExactly() throws Exception {
        assertThat(json.writeValueAsString(
                        new StudySessionNotice.Cancelled(GROUP, null, SESSION, "Eigenvalues", STARTS, 60, ACTOR)))
                .isEqualTo("{\"groupId\":\"" + GROUP + "\",\"sessionId\":\"" + SESSION
                        + "\",\"title\":\"Eigenvalues\",\"startsAt\":\"2026-12-10T17:00:00Z\",\"durationMinutes\":60,"
                        + "\"cancelledBy\":\"" + ACTOR + "\"}");
    }

    /** Every type has its own payload record, and no record claims a type another does. */
    @Test
    void everyTypeHasOnePayload() {
        Set<NotificationType> covered = Stream.of(
                        FriendRequestNotice.class,
                        GroupActivityNotice.class,
                        ChatNotice.class,
                        StudySessionNotice.class)
                .flatMap(notice -> Arrays.stream(notice.getPermittedSubclasses()))
                .map(NotificationPayloadJsonTest::typeOf)
                .collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrder(NotificationType.values());
    }

    private static NotificationType typeOf(Class<?> record) {
        try {
            Object[] nulls = new Object[record.getRecordComponents().length];
            var constructor = record.getDeclaredConstructor(Arrays.stream(record.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            for (int i = 0; i < nulls.length; i++) {
                nulls[i] = constructor.getParameterTypes()[i] == int.class ? 0 : null;
            }
            return ((NotificationPayload) constructor.newInstance(nulls)).type();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pins(NotificationPayload payload, Map<String, Object> before) throws Exception {
        assertThat(json.writeValueAsString(payload)).isEqualTo(json.writeValueAsString(before));
    }

    private static Map<String, Object> about(String actorRole, String actorName) {
        return map("groupId", GROUP, "groupName", "Algebra", actorRole, ACTOR, actorName, "Ada");
    }

    private static Map<String, Object> session() {
        Map<String, Object> payload = map(
                "groupId",
                GROUP,
                "groupName",
                "Algebra",
                "sessionId",
                SESSION,
                "title",
                "Eigenvalues",
                "startsAt",
                STARTS.toString());
        payload.put("durationMinutes", 60);
        return payload;
    }

    /** As the notifiers built it: ids as strings. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1].toString());
        }
        return map;
    }
}
