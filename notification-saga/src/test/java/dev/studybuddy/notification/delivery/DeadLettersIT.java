package dev.studybuddy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.LogRow;
import dev.studybuddy.notification.log.NotificationRows;
import dev.studybuddy.notification.outbox.BrokerProperties;
import dev.studybuddy.notification.outbox.NotificationMessages;
import dev.studybuddy.notification.support.LocalServiceProxies;
import dev.studybuddy.notification.support.LogQueries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 (10): the broker's dead-letter queue held messages whose rows were not DEAD. A dead letter used to be
 * published before its DEAD outcome committed, so a commit that failed (or a worker that died) left one behind
 * while the row was tried again and delivered. Every message in the dead-letter queue must stand for a DEAD row,
 * and the queue must be bounded. The test settings allow 4 attempts.
 */
@NotificationSagaIT
class DeadLettersIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    BrokerProperties broker;

    private final String trap = "dead_commit_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    LogQueries log;

    private NotificationRows rows;

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        jdbc.execute("DROP TRIGGER IF EXISTS " + trap + " ON notification_log");
        jdbc.execute("DROP FUNCTION IF EXISTS " + trap + "()");
        jdbc.execute("DROP SEQUENCE IF EXISTS " + trap);
    }

    @Test
    void aDeadOutcomeThatFailsToCommitLeavesNoDeadLetterBehindItsRow() {
        UUID recipient = UUID.randomUUID();
        // no address on file: the last attempt fails and the row would be DEAD
        LogRow row = rows.insert(LogRow.inApp(recipient, Instant.now())
                .channel(Channel.EMAIL)
                .delivery(DeliveryStatus.FAILED, 3, "no address"));
        failTheCommitOfItsDeathOnce(row.id());

        sendRetryOf(row.id(), 3);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(this::trapFired);
        // the address arrives while the message goes round its wait queue (2 s): the next attempt delivers
        log.addContact(recipient, "late-" + recipient + "@example.test");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(statusOf(row.id())));

        assertThat(deadLetters()).doesNotContain(row.id().toString());
    }

    @Test
    void aDeadRowWhoseDeadLetterWasNeverConfirmedGetsItFromTheNextCopyOfItsMessage() {
        LogRow dead = rows.insert(LogRow.inApp(UUID.randomUUID(), Instant.now())
                .channel(Channel.EMAIL)
                .delivery(DeliveryStatus.DEAD, 4, "mailbox unavailable"));

        rabbit.send(
                broker.exchange(),
                broker.routingKey(Channel.EMAIL),
                NotificationMessages.naming(dead.id()).build());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                        "SELECT dead_lettered_at IS NOT NULL FROM notification_log WHERE id = ?",
                        Boolean.class,
                        dead.id()));
        assertThat(deadLetters()).containsOnlyOnce(dead.id().toString());
        assertThat(log.attemptsOf(dead.id()))
                .as("no attempt is made for a DEAD row")
                .isEmpty();
    }

    @Test
    void messagesThatAreNoDeliveriesAreDroppedAndNeverDeadLettered() {
        String unknown = UUID.randomUUID().toString();
        rabbit.send(
                broker.exchange(),
                broker.routingKey(Channel.EMAIL),
                MessageBuilder.withBody("not a notification".getBytes(StandardCharsets.UTF_8))
                        .build());
        rabbit.send(
                broker.exchange(),
                broker.routingKey(Channel.EMAIL),
                MessageBuilder.withBody(unknown.getBytes(StandardCharsets.UTF_8))
                        .build());

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesIn(broker.queue(Channel.EMAIL)) == 0);
        assertThat(deadLetters()).doesNotContain(unknown, "not a notification");
    }

    @Test
    void theDeadLetterQueueKeepsOnlyTheNewestMessages() throws Exception {
        deadLetters();
        int kept = RetryTopology.DEAD_LETTERS_KEPT;
        ConnectionFactory plain = new ConnectionFactory();
        plain.setHost("127.0.0.1");
        plain.setPort(LocalServiceProxies.rabbit().port());
        try (Connection connection = plain.newConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < kept + 10; i++) {
                channel.basicPublish(
                        broker.deadLetterExchange(), "", null, ("bound-" + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(60_000);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> messagesIn(broker.deadLetterQueue()) == kept);
        Message oldest = rabbit.receive(broker.deadLetterQueue(), 5_000);
        assertThat(oldest).isNotNull();
        assertThat(new String(oldest.getBody(), StandardCharsets.UTF_8)).isEqualTo("bound-10");
        admin.purgeQueue(broker.deadLetterQueue(), false);
    }

    /** Fails, once, the commit of a transaction that made {@code notification} DEAD: PostgreSQL ends the session. */
    private void failTheCommitOfItsDeathOnce(UUID notification) {
        jdbc.execute("CREATE SEQUENCE " + trap);
        jdbc.execute("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.id = '%2$s' AND NEW.status = 'DEAD' AND nextval('%1$s') = 1 THEN
                        RAISE EXCEPTION 'the commit was lost' USING ERRCODE = 'admin_shutdown';
                    END IF;
                    RETURN NULL;
                END $$""".formatted(trap, notification));
        jdbc.execute("CREATE CONSTRAINT TRIGGER " + trap + " AFTER UPDATE ON notification_log"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION " + trap + "()");
    }

    private boolean trapFired() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT is_called FROM " + trap, Boolean.class));
    }

    private void sendRetryOf(UUID notification, int failedAttempt) {
        rabbit.send(
                broker.exchange(),
                broker.routingKey(Channel.EMAIL),
                NotificationMessages.naming(notification)
                        .setHeader(RetryScheduling.FAILED_ATTEMPT, failedAttempt)
                        .build());
    }

    private Object statusOf(UUID notification) {
        Map<String, Object> row = jdbc.queryForMap("SELECT status FROM notification_log WHERE id = ?", notification);
        return row.get("status");
    }

    private int messagesIn(String queue) {
        return Objects.requireNonNull(admin.getQueueInfo(queue)).getMessageCount();
    }

    /** Takes every message off the dead-letter queue (other tests leave theirs there) and returns their bodies. */
    private List<String> deadLetters() {
        List<String> bodies = new ArrayList<>();
        for (Message message = rabbit.receive(broker.deadLetterQueue(), 500);
                message != null;
                message = rabbit.receive(broker.deadLetterQueue(), 500)) {
            bodies.add(new String(message.getBody(), StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
