package dev.studybuddy.notification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.notification.Http;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.LogRow;
import dev.studybuddy.notification.log.NotificationRows;
import dev.studybuddy.notification.support.DomainEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@NotificationSagaIT
class NotificationAuditIT {

    private static final String AUDIT = "/api/audit/notifications";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DomainEvents events;

    private NotificationRows rows;
    private final UUID recipient = UUID.randomUUID();
    /** A window of time no other test writes into, so that filters without a recipient see only this test's rows. */
    private final Instant t0 = Instant.parse("1990-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextLong(0, 900_000_000L));

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc);
    }

    @Test
    void usersAndModeratorsMayNotReadTheLog() {
        for (String role : List.of("USER", "MODERATOR")) {
            Http.Reply reply = Http.on(port).as(tokenWith(role)).get(AUDIT);

            assertThat(reply.status()).as(role).isEqualTo(403);
            assertThat(reply.isProblem()).as(role).isTrue();
            assertThat(reply.code()).as(role).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theLogNeedsAToken() {
        assertThat(Http.on(port).get(AUDIT).status()).isEqualTo(401);
    }

    @Test
    void auditorsSeeEveryChannelWithItsDeliveryState() {
        LogRow inApp = rows.insert(LogRow.inApp(recipient, t0).source("event-1"));
        LogRow email = rows.insert(LogRow.inApp(recipient, t0.plusSeconds(1))
                .channel(Channel.EMAIL)
                .source("event-1")
                .delivery(DeliveryStatus.FAILED, 2, "SMTP 451 try again later"));
        rows.insert(LogRow.inApp(UUID.randomUUID(), t0.plusSeconds(2)));

        JsonNode page = search("AUDITOR", "?recipient=" + recipient);

        assertThat(ids(page)).containsExactly(email.id(), inApp.id());
        JsonNode failed = page.path("items").get(0);
        assertThat(failed.path("recipient").asText()).isEqualTo(recipient.toString());
        assertThat(failed.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(2);
        assertThat(failed.path("lastError").asText()).isEqualTo("SMTP 451 try again later");
        assertThat(failed.path("sourceEventId").asText()).isEqualTo("event-1");
        assertThat(failed.path("createdAt").asText())
                .isEqualTo(t0.plusSeconds(1).toString());
        assertThat(failed.path("payload").isObject()).isTrue();
    }

    @Test
    void administratorsMayReadTheLogToo() {
        LogRow row = rows.insert(LogRow.inApp(recipient, t0));

        assertThat(ids(search("ADMIN", "?recipient=" + recipient))).containsExactly(row.id());
    }

    @Test
    void filtersByStatus() {
        rows.insert(LogRow.inApp(recipient, t0).delivery(DeliveryStatus.PENDING, 0, null));
        rows.insert(LogRow.inApp(recipient, t0.plusSeconds(1)).delivery(DeliveryStatus.DELIVERED, 1, null));
        LogRow dead = rows.insert(
                LogRow.inApp(recipient, t0.plusSeconds(2)).delivery(DeliveryStatus.DEAD, 5, "mailbox unavailable"));

        assertThat(ids(search("AUDITOR", "?recipient=" + recipient + "&status=DEAD")))
                .containsExactly(dead.id());
    }

    @Test
    void filtersByAHalfOpenTimeRange() {
        rows.insert(LogRow.inApp(UUID.randomUUID(), t0.minusSeconds(1)));
        LogRow atFrom = rows.insert(LogRow.inApp(UUID.randomUUID(), t0));
        LogRow inside = rows.insert(LogRow.inApp(UUID.randomUUID(), t0.plusSeconds(30)));
        rows.insert(LogRow.inApp(UUID.randomUUID(), t0.plusSeconds(60)));

        JsonNode page = search("AUDITOR", "?from=" + t0 + "&to=" + t0.plusSeconds(60));

        assertThat(ids(page)).containsExactly(inside.id(), atFrom.id());
    }

    @Test
    void pagesWithTheCursorAndKeepsTheFilters() {
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 2; i >= 0; i--) {
            newestFirst.add(
                    rows.insert(LogRow.inApp(recipient, t0.plusSeconds(i))).id());
        }
        rows.insert(LogRow.inApp(UUID.randomUUID(), t0.plusSeconds(1)));

        JsonNode first = search("AUDITOR", "?recipient=" + recipient + "&limit=2");
        JsonNode second = search(
                "AUDITOR",
                "?recipient=" + recipient + "&limit=2&cursor="
                        + first.path("nextCursor").asText());

        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 3));
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void refusesFiltersThatMakeNoSense() {
        Http audit = Http.on(port).as(tokenWith("AUDITOR"));

        for (String query : List.of(
                "?status=LOST",
                "?recipient=nobody",
                "?from=yesterday",
                "?from=" + t0 + "&to=" + t0,
                "?limit=201",
                "?to=9999999999999999",
                "?from=-99999999999999999",
                "?recipient=%00")) {
            Http.Reply reply = audit.get(AUDIT + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.isProblem()).as(query).isTrue();
        }
    }

    private JsonNode search(String role, String query) {
        Http.Reply reply = Http.on(port).as(tokenWith(role)).get(AUDIT + query);
        assertThat(reply.status()).as("GET %s: %s", query, reply.body()).isEqualTo(200);
        return reply.body();
    }

    private String tokenWith(String role) {
        return events.tokenOfNewAccount(role);
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("items")
                .forEach(item -> ids.add(UUID.fromString(item.path("id").asText())));
        return ids;
    }
}
