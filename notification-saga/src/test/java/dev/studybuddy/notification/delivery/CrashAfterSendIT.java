package dev.studybuddy.notification.delivery;

import static dev.studybuddy.notification.delivery.FriendRequestDeliveryIT.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.notification.Http;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.LogRow;
import dev.studybuddy.notification.log.NotificationRows;
import dev.studybuddy.notification.outbox.BrokerProperties;
import dev.studybuddy.notification.outbox.NotificationMessages;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LogQueries;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 (9): a worker that stops after the mail server accepted a mail and before the outcome is committed. The
 * window is played inside PostgreSQL: a trigger makes the worker's write of the DELIVERED outcome fail once (as a
 * serialization failure, which the worker takes for passing trouble), so the attempt's transaction is lost as if
 * the worker had died there, and its message comes back. No bean of the shared context is replaced.
 */
@NotificationSagaIT
class CrashAfterSendIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    BrokerProperties broker;

    private final String trap =
            "crash_after_send_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    LogQueries log;

    @Autowired
    DomainEvents events;

    private NotificationRows rows;

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        jdbc.execute("DROP TRIGGER IF EXISTS " + trap + " ON notification_attempts");
        jdbc.execute("DROP FUNCTION IF EXISTS " + trap + "()");
        jdbc.execute("DROP SEQUENCE IF EXISTS " + trap);
    }

    @Test
    void aMailSentByAWorkerThatDiedBeforeRecordingItShowsAsAnAttemptOfUnknownOutcomeBesideTheRedelivery() {
        UUID recipient = UUID.randomUUID();
        String address = "crash-" + recipient + "@example.test";
        log.addContact(recipient, address);
        LogRow row = rows.insert(LogRow.inApp(recipient, Instant.now())
                .channel(Channel.EMAIL)
                .delivery(DeliveryStatus.PUBLISHED, 0, null));
        loseTheOutcomeOnce(row.id());

        rabbit.send(
                broker.exchange(),
                broker.routingKey(Channel.EMAIL),
                NotificationMessages.naming(row.id()).build());

        // the attempt was committed before the mail went out, so it stays visible when its outcome is lost
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> outcomes(row.id()).equals(List.of("SENDING"))
                        && mailsTo(address).size() == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DELIVERED".equals(log.rowsOf(recipient).get(0).get("status")));

        assertThat(outcomes(row.id())).containsExactly("UNKNOWN", "DELIVERED");
        assertThat(mailsTo(address))
                .hasSize(2)
                .allSatisfy(mail ->
                        assertThat(notificationHeader(mail)).isEqualTo(row.id().toString()));
        Map<String, Object> stored =
                jdbc.queryForMap("SELECT attempts, possible_duplicates FROM notification_log WHERE id = ?", row.id());
        assertThat(stored).containsEntry("attempts", 2).containsEntry("possible_duplicates", 1);

        JsonNode audited = auditor()
                .get("/api/audit/notifications?recipient=" + recipient)
                .body()
                .path("items")
                .get(0);
        assertThat(audited.path("attempts").asInt()).isEqualTo(2);
        assertThat(audited.path("possibleDuplicates").asInt()).isEqualTo(1);
        Http.Reply attempts = auditor().get("/api/audit/notifications/" + row.id() + "/attempts");
        assertThat(attempts.status()).as("%s", attempts.body()).isEqualTo(200);
        List<String> audit = new ArrayList<>();
        attempts.body()
                .path("items")
                .forEach(attempt -> audit.add(attempt.path("attempt").asInt() + " "
                        + attempt.path("outcome").asText() + " "
                        + !attempt.path("startedAt").isNull()));
        assertThat(audit).containsExactly("1 UNKNOWN true", "2 DELIVERED true");
        assertThat(attempts.body().path("items").get(0).path("error").asText()).contains("may have been delivered");
    }

    @Test
    void theAttemptsOfANotificationThatDoesNotExistAreNotFound() {
        Http.Reply reply = auditor().get("/api/audit/notifications/" + UUID.randomUUID() + "/attempts");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
        assertThat(auditor().get("/api/audit/notifications/not-an-id/attempts").status())
                .isEqualTo(400);
    }

    /** Fails the first write of a DELIVERED outcome for {@code notification}, rolling back its transaction. */
    private void loseTheOutcomeOnce(UUID notification) {
        jdbc.execute("CREATE SEQUENCE " + trap);
        jdbc.execute("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.notification_id = '%2$s' AND NEW.outcome = 'DELIVERED' AND nextval('%1$s') = 1 THEN
                        RAISE EXCEPTION 'the worker stopped after the send' USING ERRCODE = 'serialization_failure';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(trap, notification));
        jdbc.execute("CREATE TRIGGER " + trap + " BEFORE INSERT OR UPDATE ON notification_attempts FOR EACH ROW"
                + " EXECUTE FUNCTION " + trap + "()");
    }

    private List<String> outcomes(UUID notification) {
        return log.attemptsOf(notification).stream()
                .map(attempt -> (String) attempt.get("outcome"))
                .toList();
    }

    private Http auditor() {
        return Http.on(port).as(events.tokenOfNewAccount("AUDITOR"));
    }

    private static String notificationHeader(MimeMessage mail) {
        try {
            return mail.getHeader(EmailDelivery.NOTIFICATION_HEADER, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
