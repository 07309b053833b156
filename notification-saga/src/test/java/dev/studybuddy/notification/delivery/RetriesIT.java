package dev.studybuddy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.LogRow;
import dev.studybuddy.notification.log.NotificationRows;
import dev.studybuddy.notification.outbox.BrokerProperties;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.notification.support.RedisNotifications;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The edges of broker-driven retries: which copy of a retry a worker honours, and the relay as the safety net
 * for a retry message the broker lost. Rows are written as they would stand after a failed attempt.
 */
@NotificationSagaIT
class RetriesIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    BrokerProperties broker;

    @Autowired
    LogQueries log;

    private NotificationRows rows;
    private RedisNotifications redis;
    private UUID recipient;

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc);
        redis = new RedisNotifications();
        recipient = UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        redis.close();
    }

    @Test
    void onlyTheRetryOfTheLatestFailureIsAttemptedWhateverTheClockSays() {
        // next attempt due tomorrow by this row's clock: the wait queue's TTL, not the clock, decides
        LogRow failed =
                rows.insert(LogRow.inApp(recipient, Instant.now()).delivery(DeliveryStatus.FAILED, 2, "redis down"));

        sendRetryOf(failed, 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> "FAILED".equals(status(failed))
                        && log.attemptsOf(failed.id()).isEmpty());
        assertThat(redis.of(recipient)).isEmpty();

        sendRetryOf(failed, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(failed)));
        assertThat(log.attemptsOf(failed.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("attempt")).isEqualTo(3);
            assertThat(attempt.get("outcome")).isEqualTo("DELIVERED");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.of(recipient).size() == 1);
    }

    @Test
    void aFailedRowWhoseRetryNeverCameBackIsPublishedAgainByTheRelay() {
        LogRow failed =
                rows.insert(LogRow.inApp(recipient, Instant.now()).delivery(DeliveryStatus.FAILED, 1, "redis down"));
        // its retry should have come back 20 minutes ago (republish-after is 15 minutes)
        jdbc.update(
                "UPDATE notification_log SET next_attempt_at = now() - interval '20 minutes' WHERE id = ?",
                failed.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(failed)));
        assertThat(log.attemptsOf(failed.id()))
                .extracting(attempt -> attempt.get("attempt"))
                .containsExactly(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.of(recipient).size() == 1);
    }

    private void sendRetryOf(LogRow row, int failedAttempt) {
        rabbit.send(
                broker.exchange(),
                broker.routingKey(Channel.IN_APP),
                MessageBuilder.withBody(row.id().toString().getBytes(StandardCharsets.UTF_8))
                        .setHeader(RetryScheduling.FAILED_ATTEMPT, failedAttempt)
                        .build());
    }

    private Object status(LogRow row) {
        Map<String, Object> stored = jdbc.queryForMap("SELECT status FROM notification_log WHERE id = ?", row.id());
        return stored.get("status");
    }
}
