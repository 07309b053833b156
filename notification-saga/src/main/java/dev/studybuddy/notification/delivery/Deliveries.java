package dev.studybuddy.notification.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivery of one NotificationLog row, with its row locked for the whole attempt: a second copy of the
 * same message (a redelivery after a worker died, a re-publication) waits, then finds it DELIVERED and is
 * skipped. Every attempt is recorded; a failure hands the message back to the broker to wait out its back-off
 * ({@link RetryScheduling}) until the row is DEAD and its message in the dead-letter queue. The hand-back is
 * confirmed before the outcome commits: if it is not, nothing of the attempt is kept.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final InAppDelivery inApp;
    private final EmailDelivery email;
    private final DeliveryProperties properties;
    private final RetryScheduling retries;
    private final ObjectMapper json;
    private final Clock clock;
    private final String worker;

    Deliveries(JdbcTemplate jdbc, TransactionTemplate transaction, InAppDelivery inApp, EmailDelivery email,
               DeliveryProperties properties, RetryScheduling retries, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.inApp = inApp;
        this.email = email;
        this.properties = properties;
        this.retries = retries;
        this.json = json;
        this.clock = clock;
        this.worker = workerName();
    }

    enum Outcome { DELIVERED, FAILED, DEAD, SKIPPED }

    /**
     * @param retryOf the attempt whose failure this message retries (from its wait queue), or null for a message
     *                from the relay
     */
    Outcome deliver(UUID id, Integer retryOf) {
        return transaction.execute(status -> lock(id)
                .map(row -> row.due(clock.instant(), retryOf) ? attempt(row) : Outcome.SKIPPED)
                .orElseGet(() -> {
                    log.warn("Message for unknown notification {} dropped", id);
                    return Outcome.SKIPPED;
                }));
    }

    private Outcome attempt(Row row) {
        int attempt = row.attempts() + 1;
        Instant now = clock.instant();
        try {
            if (row.delivery().channel() == Channel.IN_APP) {
                inApp.deliver(row.delivery());
            } else {
                email.deliver(row.delivery());
            }
        } catch (Exception e) {
            // The back-off counts from the end of the failed attempt, however long its timeout took.
            return failed(row, attempt, clock.instant(), e);
        }
        record(row.delivery().id(), attempt, now, "DELIVERED", null);
        jdbc.update("""
                UPDATE notification_log SET status = 'DELIVERED', attempts = ?, delivered_at = ?, updated_at = ?,
                                            next_attempt_at = NULL, last_error = NULL
                WHERE id = ?""", attempt, Timestamp.from(now), Timestamp.from(now), row.delivery().id());
        return Outcome.DELIVERED;
    }

    private Outcome failed(Row row, int attempt, Instant now, Exception error) {
        String message = describe(error);
        record(row.delivery().id(), attempt, now, "FAILED", message);
        boolean dead = attempt >= properties.maxAttempts();
        Timestamp next = dead ? null : Timestamp.from(now.plus(properties.backoffAfter(attempt)));
        jdbc.update("""
                UPDATE notification_log SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = ?
                WHERE id = ?""", dead ? "DEAD" : "FAILED", attempt, message, next, Timestamp.from(now),
                row.delivery().id());
        if (dead) {
            retries.deadLetter(row.delivery(), attempt, message);
        } else {
            retries.retryLater(row.delivery(), attempt);
        }
        log.warn("Delivery {} of notification {} ({}) failed{}: {}", attempt, row.delivery().id(),
                row.delivery().channel(), dead ? ", it is DEAD" : ", retry at " + next, message);
        return dead ? Outcome.DEAD : Outcome.FAILED;
    }

    private void record(UUID id, int attempt, Instant at, String outcome, String error) {
        jdbc.update("""
                INSERT INTO notification_attempts (notification_id, attempt, attempted_at, outcome, error, worker)
                VALUES (?, ?, ?, ?, ?, ?)""", id, attempt, Timestamp.from(at), outcome, error, worker);
    }

    private Optional<Row> lock(UUID id) {
        return jdbc.query("""
                SELECT id, recipient, channel, type, payload::text AS payload, status, attempts, next_attempt_at,
                       created_at
                FROM notification_log WHERE id = ? FOR UPDATE""", rs -> rs.next() ? Optional.of(row(rs)) : Optional.empty(), id);
    }

    private Row row(ResultSet rs) throws SQLException {
        Map<String, Object> payload;
        try {
            payload = json.readValue(rs.getString("payload"), PAYLOAD);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable payload of notification " + rs.getString("id"), e);
        }
        Timestamp next = rs.getTimestamp("next_attempt_at");
        return new Row(new PendingDelivery(rs.getObject("id", UUID.class), rs.getObject("recipient", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("type"), payload,
                rs.getTimestamp("created_at").toInstant()),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                next == null ? null : next.toInstant());
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error == root ? error.toString() : error + " (cause: " + root + ")";
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return (host + ":" + ProcessHandle.current().pid());
    }

    /**
     * DELIVERED and DEAD rows are done. A FAILED row is due for the message that retries its latest failure
     * (a stale copy retries an earlier one), and for the relay's message once its back-off has passed (the
     * relay publishes a FAILED row only when its retry message is long overdue). The wait queue's TTL, not this
     * node's clock, decides when a retry comes back, so clock skew between nodes cannot drop one.
     */
    private record Row(PendingDelivery delivery, DeliveryStatus status, int attempts, Instant nextAttemptAt) {
        boolean due(Instant now, Integer retryOf) {
            return switch (status) {
                case DELIVERED, DEAD -> false;
                case FAILED -> retryOf != null
                        ? retryOf == attempts
                        : nextAttemptAt == null || !nextAttemptAt.isAfter(now);
                case PENDING, PUBLISHED -> true;
            };
        }
    }
}
