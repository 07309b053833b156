package dev.studybuddy.notification.outbox;

import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.platform.messaging.ConfirmedPublishing;
import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox's relay: hands due NotificationLog rows to RabbitMQ and marks them PUBLISHED only
 * once the broker has confirmed them. Due are PENDING rows, and rows whose message seems lost: FAILED rows still
 * waiting {@code republish-after} past their back-off (their retry waits in a broker queue, see the delivery
 * package), and PUBLISHED rows that stayed undelivered for that long. Rows are claimed with {@code FOR UPDATE SKIP LOCKED},
 * so several nodes relay side by side without publishing the same row at once. While RabbitMQ is down the
 * rows simply stay due and the next run tries again; nothing is lost, and a message published twice is
 * recognised by the worker.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RabbitTemplate rabbit;
    private final BrokerProperties broker;
    private final RelayProperties properties;
    private final Clock clock;

    OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RabbitTemplate rabbit,
            BrokerProperties broker,
            RelayProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rabbit = rabbit;
        this.broker = broker;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run: claim a batch, publish it, wait for the confirms, mark what was confirmed. */
    public int relayOnce() {
        Integer published = transaction.execute(status -> {
            List<Due> due = claimDue();
            if (due.isEmpty()) {
                return 0;
            }
            List<UUID> confirmed = publish(due);
            markPublished(confirmed);
            return confirmed.size();
        });
        return published == null ? 0 : published;
    }

    private List<Due> claimDue() {
        Instant now = clock.instant();
        return jdbc.query(
                """
                        SELECT id, channel FROM notification_log
                        WHERE (status IN ('PENDING', 'FAILED') AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
                           OR (status = 'PUBLISHED' AND published_at < ?)
                        ORDER BY next_attempt_at NULLS FIRST, created_at
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new Due(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel"))),
                Timestamp.from(now.minus(properties.republishAfter())),
                Timestamp.from(now.minus(properties.republishAfter())),
                properties.batchSize());
    }

    private List<UUID> publish(List<Due> due) {
        return ConfirmedPublishing.publish(
                rabbit,
                due.stream()
                        .map(row -> new ConfirmedPublishing.Outgoing<>(
                                row.id(),
                                broker.exchange(),
                                broker.routingKey(row.channel()),
                                NotificationMessages.naming(row.id()).build()))
                        .toList(),
                properties.confirmTimeout());
    }

    private void markPublished(List<UUID> confirmed) {
        Timestamp now = Timestamp.from(clock.instant());
        for (UUID id : confirmed) {
            // A worker may not overtake: it locks the row too, so it sees the row only after this commit.
            jdbc.update("""
                    UPDATE notification_log SET status = 'PUBLISHED', published_at = ?, updated_at = ?
                    WHERE id = ? AND status IN ('PENDING', 'FAILED', 'PUBLISHED')""", now, now, id);
        }
    }

    /** One run of the relay's periodic task ({@link BrokerConfiguration}): relays until nothing is due. */
    void relayRegularly() {
        try {
            PeriodicTask.drain(this::relayOnce, properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed, retrying in {}: {}", properties.interval(), e.toString());
        }
    }

    private record Due(UUID id, Channel channel) {}
}
