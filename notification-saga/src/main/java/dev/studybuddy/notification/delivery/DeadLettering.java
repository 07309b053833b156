package dev.studybuddy.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands a DEAD row's message to the dead-letter queue once the row is committed DEAD, never before: a dead letter
 * always has its DEAD row behind it. Until the broker confirms it, the row's {@code dead_lettered_at} stays empty
 * and the next copy of its message hands it over again; a worker that dies between the two leaves a second dead
 * letter for the same row, never one without a row.
 */
@Component
class DeadLettering {

    private final RetryScheduling broker;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeadLettering(RetryScheduling broker, JdbcTemplate jdbc, Clock clock) {
        this.broker = broker;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Publishes, confirmed, then marks the row; throws when the broker did not confirm. */
    void handOver(PendingDelivery notification, int attempts, String lastError) {
        broker.deadLetter(notification, attempts, lastError);
        jdbc.update(
                "UPDATE notification_log SET dead_lettered_at = ? WHERE id = ? AND dead_lettered_at IS NULL",
                Timestamp.from(clock.instant()),
                notification.id());
    }
}
