package dev.studybuddy.notification.outbox;

import dev.studybuddy.notification.log.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The transactional outbox's relay: hands due NotificationLog rows to RabbitMQ and marks them PUBLISHED only
 * once the broker has confirmed them. Due are PENDING rows, FAILED rows whose back-off has passed, and
 * PUBLISHED rows that stayed undelivered for too long. Rows are claimed with {@code FOR UPDATE SKIP LOCKED},
 * so several nodes relay side by side without publishing the same row at once. While RabbitMQ is down the
 * rows simply stay due and the next run tries again; nothing is lost, and a message published twice is
 * recognised by the worker.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RabbitTemplate rabbit;
    private final BrokerProperties broker;
    private final RelayProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, RabbitTemplate rabbit, BrokerProperties broker,
                RelayProperties properties, Clock clock) {
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
        return jdbc.query("""
                        SELECT id, channel FROM notification_log
                        WHERE (status IN ('PENDING', 'FAILED') AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
                           OR (status = 'PUBLISHED' AND published_at < ?)
                        ORDER BY next_attempt_at NULLS FIRST, created_at
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new Due(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel"))),
                Timestamp.from(now), Timestamp.from(now.minus(properties.republishAfter())), properties.batchSize());
    }

    private List<UUID> publish(List<Due> due) {
        List<Sent> sent = new ArrayList<>();
        try {
            for (Due row : due) {
                CorrelationData correlation = new CorrelationData(row.id().toString());
                rabbit.send(broker.exchange(), broker.routingKey(row.channel()), message(row.id()), correlation);
                sent.add(new Sent(row.id(), correlation));
            }
        } catch (RuntimeException e) {
            log.warn("RabbitMQ unavailable, {} notification(s) stay due: {}", due.size() - sent.size(), e.toString());
        }
        List<UUID> confirmed = new ArrayList<>();
        long deadline = System.nanoTime() + properties.confirmTimeout().toNanos();
        for (Sent message : sent) {
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                CorrelationData.Confirm confirm = message.correlation().getFuture().get(wait, TimeUnit.NANOSECONDS);
                if (confirm.isAck() && message.correlation().getReturned() == null) {
                    confirmed.add(message.id());
                } else {
                    log.warn("Broker did not take notification {}: {}", message.id(),
                            confirm.isAck() ? "unroutable" : confirm.getReason());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.warn("No confirm for notification {}, it stays due: {}", message.id(), e.toString());
            }
        }
        return confirmed;
    }

    private Message message(UUID id) {
        return MessageBuilder.withBody(id.toString().getBytes(StandardCharsets.UTF_8))
                .setContentType("text/plain")
                .setMessageId(id.toString())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
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

    private void runSafely() {
        try {
            int published;
            do {
                published = relayOnce();
            } while (published == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed, retrying in {}: {}", properties.interval(), e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, properties.interval().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(properties.confirmTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record Due(UUID id, Channel channel) {
    }

    private record Sent(UUID id, CorrelationData correlation) {
    }
}
