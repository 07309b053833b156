package dev.studybuddy.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.notification.Http;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.LogRow;
import dev.studybuddy.notification.log.NotificationRows;
import dev.studybuddy.platform.web.Cursors;
import dev.studybuddy.testing.TestTokenIssuer;
import dev.studybuddy.testing.TransactionRaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@NotificationSagaIT
class InboxIT {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private NotificationRows rows;
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc);
    }

    @Test
    void listsOnlyTheCallersInAppNotificationsNewestFirst() {
        LogRow oldest = rows.insert(LogRow.inApp(alice, T0));
        LogRow newest = rows.insert(LogRow.inApp(alice, T0.plusSeconds(20))
                .type("group.invitation.received", "{\"groupId\": \"g-1\", \"count\": 2}"));
        LogRow middle = rows.insert(LogRow.inApp(alice, T0.plusSeconds(10)));
        rows.insert(LogRow.inApp(alice, T0.plusSeconds(30)).channel(Channel.EMAIL));
        rows.insert(LogRow.inApp(bob, T0.plusSeconds(40)));

        JsonNode page = inboxOf(alice, "");

        assertThat(ids(page)).containsExactly(newest.id(), middle.id(), oldest.id());
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("type").asText()).isEqualTo("group.invitation.received");
        assertThat(first.path("payload").path("groupId").asText()).isEqualTo("g-1");
        assertThat(first.path("payload").path("count").asInt()).isEqualTo(2);
        assertThat(first.path("createdAt").asText()).isEqualTo("2025-03-01T09:00:20Z");
        assertThat(first.path("readAt").isNull()).isTrue();
        assertThat(first.has("status"))
                .as("delivery details stay with auditors")
                .isFalse();
        assertThat(page.has("nextCursor")).isTrue();
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesThroughTheInboxWithTheCursor() {
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 4; i >= 0; i--) {
            newestFirst.add(rows.insert(LogRow.inApp(alice, T0.plusSeconds(i))).id());
        }

        JsonNode first = inboxOf(alice, "?limit=2");
        JsonNode second =
                inboxOf(alice, "?limit=2&cursor=" + first.path("nextCursor").asText());
        JsonNode last =
                inboxOf(alice, "?limit=2&cursor=" + second.path("nextCursor").asText());

        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(last)).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(last.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void notificationsOfTheSameInstantAreNeitherSkippedNorRepeatedAcrossPages() {
        List<UUID> inserted = IntStream.range(0, 4)
                .mapToObj(i -> rows.insert(LogRow.inApp(alice, T0)).id())
                .toList();

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = inboxOf(alice, "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asText();
        } while (cursor != null && seen.size() <= inserted.size());

        assertThat(seen).hasSize(inserted.size()).containsExactlyInAnyOrderElementsOf(inserted);
    }

    @Test
    void answersFiftyByDefault() {
        IntStream.range(0, 51).forEach(i -> rows.insert(LogRow.inApp(alice, T0.plusSeconds(i))));

        JsonNode page = inboxOf(alice, "");

        assertThat(page.path("items")).hasSize(50);
        assertThat(page.path("nextCursor").isTextual()).isTrue();
        assertThat(inboxOf(alice, "?limit=200").path("items")).hasSize(51);
    }

    @Test
    void refusesALimitOutsideOneToTwoHundredAndAForgedCursor() {
        Http inbox = Http.on(port).as(tokenOf(alice));

        for (String query : List.of("?limit=0", "?limit=201", "?cursor=not-a-cursor", "?limit=abc")) {
            Http.Reply reply = inbox.get("/api/notifications" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.isProblem()).as(query).isTrue();
        }
        assertThat(inbox.get("/api/notifications?limit=0").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(inbox.get("/api/notifications?cursor=not-a-cursor").code()).isEqualTo("MALFORMED_REQUEST");
        String beyondPostgres = Cursors.encode("+300000-01-01T00:00:00Z|" + UUID.randomUUID());
        Http.Reply forged = inbox.get("/api/notifications?cursor=" + beyondPostgres);
        assertThat(forged.status()).as("a cursor in the year 300000").isEqualTo(400);
        assertThat(forged.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void unreadOnlyLeavesOutWhatWasRead() {
        LogRow unread = rows.insert(LogRow.inApp(alice, T0.plusSeconds(2)));
        rows.insert(LogRow.inApp(alice, T0.plusSeconds(1)).readAt(T0.plusSeconds(5)));
        LogRow olderUnread = rows.insert(LogRow.inApp(alice, T0));

        assertThat(ids(inboxOf(alice, "?unread=true"))).containsExactly(unread.id(), olderUnread.id());
        assertThat(ids(inboxOf(alice, "?unread=false"))).hasSize(3);
        assertThat(ids(inboxOf(alice, "?unread=TRUE"))).containsExactly(unread.id(), olderUnread.id());
        assertThat(ids(inboxOf(alice, "?unread="))).as("empty: the default").hasSize(3);
    }

    @Test
    void unreadIsTrueOrFalseAndNothingElse() {
        Http inbox = Http.on(port).as(tokenOf(alice));

        for (String value : List.of("1", "0", "yes", "on", "off", "no", "truthy")) {
            Http.Reply reply = inbox.get("/api/notifications?unread=" + value);
            assertThat(reply.status()).as(value).isEqualTo(400);
            assertThat(reply.code()).as(value).isEqualTo("MALFORMED_REQUEST");
            assertThat(reply.body().path("errors").path("unread").asText()).isEqualTo("must be true or false");
        }
    }

    @Test
    void markingReadRecordsTheFirstTimeOnly() {
        LogRow row = rows.insert(LogRow.inApp(alice, T0));
        Http inbox = Http.on(port).as(tokenOf(alice));

        assertThat(inbox.post("/api/notifications/" + row.id() + "/read").status())
                .isEqualTo(204);
        Instant firstRead = rows.readAt(row.id());
        assertThat(inbox.post("/api/notifications/" + row.id() + "/read").status())
                .isEqualTo(204);

        assertThat(firstRead).isNotNull();
        assertThat(rows.readAt(row.id())).isEqualTo(firstRead);
        assertThat(inboxOf(alice, "").path("items").get(0).path("readAt").asText())
                .isEqualTo(firstRead.toString());
        assertThat(inboxOf(alice, "?unread=true").path("items")).isEmpty();
    }

    @Test
    void markingReadWhileTheWorkerDeliversItKeepsWhatTheWorkerRecorded() throws Exception {
        LogRow row = rows.insert(LogRow.inApp(alice, T0).delivery(DeliveryStatus.PUBLISHED, 0, null));
        Http inbox = Http.on(port).as(tokenOf(alice));

        Http.Reply read = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        // the delivery worker's order: the row held while it is sent, then recorded as delivered
                        () -> jdbc.queryForList(
                                "SELECT 1 FROM notification_log WHERE id = ? FOR NO KEY UPDATE", row.id()),
                        () -> jdbc.update(
                                "UPDATE notification_log SET status = 'DELIVERED', attempts = 1 WHERE id = ?",
                                row.id()),
                        () -> inbox.post("/api/notifications/" + row.id() + "/read"));

        assertThat(read.status()).isEqualTo(204);
        assertThat(rows.readAt(row.id())).isNotNull();
        // the request had written the row back whole, as PUBLISHED: the relay would have sent it again
        assertThat(jdbc.queryForMap("SELECT status, attempts FROM notification_log WHERE id = ?", row.id()))
                .containsEntry("status", "DELIVERED")
                .containsEntry("attempts", 1);
    }

    @Test
    void someoneElsesNotificationAnswersLikeAMissingOne() {
        LogRow alices = rows.insert(LogRow.inApp(alice, T0));
        Http asBob = Http.on(port).as(tokenOf(bob));

        Http.Reply foreign = asBob.post("/api/notifications/" + alices.id() + "/read");
        Http.Reply missing = asBob.post("/api/notifications/" + UUID.randomUUID() + "/read");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(foreign.code()).isEqualTo("NOT_FOUND");
        assertThat(foreign.body().path("detail")).isEqualTo(missing.body().path("detail"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(rows.readAt(alices.id())).isNull();
    }

    @Test
    void anEmailNotificationIsNotPartOfTheInbox() {
        LogRow email = rows.insert(LogRow.inApp(alice, T0).channel(Channel.EMAIL));

        Http.Reply reply = Http.on(port).as(tokenOf(alice)).post("/api/notifications/" + email.id() + "/read");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(rows.readAt(email.id())).isNull();
    }

    @Test
    void readAllMarksEveryOneOfTheCallersAndNoOneElses() {
        LogRow first = rows.insert(LogRow.inApp(alice, T0));
        LogRow second = rows.insert(LogRow.inApp(alice, T0.plusSeconds(1)));
        Instant earlier = T0.plusSeconds(2);
        LogRow alreadyRead = rows.insert(LogRow.inApp(alice, T0.plusSeconds(1)).readAt(earlier));
        LogRow bobs = rows.insert(LogRow.inApp(bob, T0));

        Http.Reply reply = Http.on(port).as(tokenOf(alice)).post("/api/notifications/read-all");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(inboxOf(alice, "?unread=true").path("items")).isEmpty();
        assertThat(rows.readAt(first.id())).isNotNull();
        assertThat(rows.readAt(second.id())).isNotNull();
        assertThat(rows.readAt(alreadyRead.id())).isEqualTo(earlier);
        assertThat(rows.readAt(bobs.id())).isNull();
        assertThat(ids(inboxOf(bob, "?unread=true"))).containsExactly(bobs.id());
    }

    private JsonNode inboxOf(UUID user, String query) {
        Http.Reply reply = Http.on(port).as(tokenOf(user)).get("/api/notifications" + query);
        assertThat(reply.status()).as("GET %s: %s", query, reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static String tokenOf(UUID user) {
        return TestTokenIssuer.get().accessToken(user, "USER");
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("items")
                .forEach(item -> ids.add(UUID.fromString(item.path("id").asText())));
        return ids;
    }
}
