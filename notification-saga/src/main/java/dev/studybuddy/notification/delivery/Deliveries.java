package dev.studybuddy.notification.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One delivery of one NotificationLog row, with its row locked for the whole attempt: a second copy of the
 * same message (a redelivery after a worker died, a re-publication) waits, then finds it DELIVERED and is
 * skipped. The attempt is committed as SENDING before the send ({@link Attempts}), so a worker that stops after
 * the send leaves a trace: the next worker records it as an attempt of unknown outcome, a possible duplicate.
 * A failure hands the message back to the broker to wait out its back-off ({@link RetryScheduling}), confirmed
 * before the outcome commits (if it is not, nothing of the outcome is kept), until the row is DEAD; a DEAD row's
 * dead letter is published only after it committed ({@link DeadLettering}).
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final InAppDelivery inApp;
    private final EmailDelivery email;
    private final DeliveryProperties properties;
    private final RetryScheduling retries;
    private final Attempts attempts;
    private final DeadLettering deadLettering;
    private final ObjectMapper json;
    private final Clock clock;

    Deliveries(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            InAppDelivery inApp,
            EmailDelivery email,
            DeliveryProperties properties,
            RetryScheduling retries,
            Attempts attempts,
            DeadLettering deadLettering,
            ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.inApp = inApp;
        this.email = email;
        this.properties = properties;
        this.retries = retries;
        this.attempts = attempts;
        this.deadLettering = deadLettering;
        this.json = json;
        this.clock = clock;
    }

    enum Outcome {
        DELIVERED,
        FAILED,
        DEAD,
        SKIPPED
    }

    /**
     * @param retryOf the attempt whose failure this message retries (from its wait queue), or null for a message
     *                from the relay
     */
    Outcome deliver(UUID id, Integer retryOf) {
        Result result = transaction.execute(status -> lock(id).map(row -> decide(row, retryOf))
                .orElseGet(() -> {
                    log.warn("Message for unknown notification {} dropped", id);
                    return new Result(Outcome.SKIPPED, null);
                }));
        if (result.deadLetter() != null) {
            DeadLetter dead = result.deadLetter();
            deadLettering.handOver(dead.notification(), dead.attempts(), dead.lastError());
        }
        return result.outcome();
    }

    private Result decide(Row row, Integer retryOf) {
        if (row.status() == DeliveryStatus.DEAD && row.deadLetteredAt() == null) {
            // committed DEAD, but its dead letter was not confirmed (the worker stopped, the broker did not answer)
            return new Result(Outcome.DEAD, new DeadLetter(row.delivery(), row.attempts(), row.lastError()));
        }
        return row.due(clock.instant(), retryOf) ? attempt(row) : new Result(Outcome.SKIPPED, null);
    }

    private Result attempt(Row row) {
        UUID id = row.delivery().id();
        Instant now = clock.instant();
        int unknown = attempts.settleUnfinished(id, now);
        if (unknown > 0) {
            log.warn(
                    "Notification {} ({}) was being sent by a worker that stopped before recording the outcome; "
                            + "it is sent again and may arrive twice",
                    id,
                    row.delivery().channel());
        }
        int attempt = Math.max(row.attempts(), attempts.latest(id)) + 1;
        attempts.begin(id, attempt, now);
        try {
            if (row.delivery().channel() == Channel.IN_APP) {
                inApp.deliver(row.delivery());
            } else {
                email.deliver(row.delivery());
            }
        } catch (Exception e) {
            // The back-off counts from the end of the failed attempt, however long its timeout took.
            return failed(row, attempt, unknown, clock.instant(), e);
        }
        Instant done = clock.instant();
        attempts.finish(id, attempt, "DELIVERED", null, done);
        jdbc.update("""
                UPDATE notification_log SET status = 'DELIVERED', attempts = ?, delivered_at = ?, updated_at = ?,
                                            next_attempt_at = NULL, last_error = NULL,
                                            possible_duplicates = possible_duplicates + ?
                WHERE id = ?""", attempt, Timestamp.from(now), Timestamp.from(done), unknown, id);
        return new Result(Outcome.DELIVERED, null);
    }

    private Result failed(Row row, int attempt, int unknown, Instant now, Exception error) {
        String message = describe(error);
        attempts.finish(row.delivery().id(), attempt, "FAILED", message, now);
        boolean dead = attempt >= properties.maxAttempts();
        Timestamp next = dead ? null : Timestamp.from(now.plus(properties.backoffAfter(attempt)));
        jdbc.update(
                """
                UPDATE notification_log SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = ?,
                                            possible_duplicates = possible_duplicates + ?
                WHERE id = ?""",
                dead ? "DEAD" : "FAILED",
                attempt,
                message,
                next,
                Timestamp.from(now),
                unknown,
                row.delivery().id());
        if (!dead) {
            retries.retryLater(row.delivery(), attempt);
        }
        log.warn(
                "Delivery {} of notification {} ({}) failed{}: {}",
                attempt,
                row.delivery().id(),
                row.delivery().channel(),
                dead ? ", it is DEAD" : ", retry at " + next,
                message);
        return dead
                ? new Result(Outcome.DEAD, new DeadLetter(row.delivery(), attempt, message))
                : new Result(Outcome.FAILED, null);
    }

    private Optional<Row> lock(UUID id) {
        return jdbc.query("""
                SELECT id, recipient, channel, type, payload::text AS payload, status, attempts, next_attempt_at,
                       created_at, last_error, dead_lettered_at
                FROM notification_log WHERE id = ? FOR NO KEY UPDATE""", rs -> rs.next() ? Optional.of(row(rs)) : Optional.empty(), id);
    }

    private Row row(ResultSet rs) throws SQLException {
        Map<String, Object> payload;
        try {
            payload = json.readValue(rs.getString("payload"), PAYLOAD);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable payload of notification " + rs.getString("id"), e);
        }
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp deadLettered = rs.getTimestamp("dead_lettered_at");
        return new Row(
                new PendingDelivery(
                        rs.getObject("id", UUID.class),
                        rs.getObject("recipient", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("type"),
                        payload,
                        rs.getTimestamp("created_at").toInstant()),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                next == null ? null : next.toInstant(),
                rs.getString("last_error"),
                deadLettered == null ? null : deadLettered.toInstant());
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error == root ? error.toString() : error + " (cause: " + root + ")";
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    /**
     * DELIVERED, DEAD and CANCELLED rows are done (a retry that comes back after its recipient's erasure finds
     * the row CANCELLED: the erasure waited for this row's lock, so it cannot cancel a row while it is being sent). A FAILED row is due for the message that retries its latest failure
     * (a stale copy retries an earlier one), and for the relay's message once its back-off has passed (the
     * relay publishes a FAILED row only when its retry message is long overdue). The wait queue's TTL, not this
     * node's clock, decides when a retry comes back, so clock skew between nodes cannot drop one.
     */
    private record Row(
            PendingDelivery delivery,
            DeliveryStatus status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant deadLetteredAt) {
        boolean due(Instant now, Integer retryOf) {
            return switch (status) {
                case DELIVERED, DEAD, CANCELLED -> false;
                case FAILED ->
                    retryOf != null ? retryOf == attempts : nextAttemptAt == null || !nextAttemptAt.isAfter(now);
                case PENDING, PUBLISHED -> true;
            };
        }
    }

    private record Result(Outcome outcome, DeadLetter deadLetter) {}

    private record DeadLetter(PendingDelivery notification, int attempts, String lastError) {}
}
