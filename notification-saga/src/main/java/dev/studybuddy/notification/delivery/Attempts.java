package dev.studybuddy.notification.delivery;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification_attempts} of one notification. An attempt is written SENDING and committed on its own,
 * before the send, while the caller's transaction keeps the row locked; its outcome is written in the caller's
 * transaction, with the row. A SENDING attempt that the lock holder finds is therefore one whose worker stopped
 * (or lost its transaction) after the send may have happened.
 */
@Component
class Attempts {

    static final String UNKNOWN_OUTCOME = "The worker stopped before recording the outcome: the notification may "
            + "have been delivered, so a later delivery may be a duplicate.";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final String worker;

    Attempts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.worker = workerName();
    }

    /**
     * Marks the attempts left SENDING as UNKNOWN, in the caller's transaction.
     *
     * @return how many there were
     */
    int settleUnfinished(UUID notification, Instant now) {
        return jdbc.update("""
                UPDATE notification_attempts SET outcome = 'UNKNOWN', error = ?, finished_at = ?
                WHERE notification_id = ? AND outcome = 'SENDING'""", UNKNOWN_OUTCOME, Timestamp.from(now), notification);
    }

    /** The highest attempt number recorded, 0 when none. */
    int latest(UUID notification) {
        Integer latest = jdbc.queryForObject(
                "SELECT coalesce(max(attempt), 0) FROM notification_attempts WHERE notification_id = ?",
                Integer.class,
                notification);
        return latest == null ? 0 : latest;
    }

    /** Records attempt {@code attempt} as SENDING and commits it at once, whatever the caller's transaction does. */
    void begin(UUID notification, int attempt, Instant at) {
        separately.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO notification_attempts (notification_id, attempt, attempted_at, outcome, worker)
                VALUES (?, ?, ?, 'SENDING', ?)""", notification, attempt, Timestamp.from(at), worker));
    }

    /** Records the outcome of a begun attempt, in the caller's transaction. */
    void finish(UUID notification, int attempt, String outcome, String error, Instant at) {
        jdbc.update("""
                UPDATE notification_attempts SET outcome = ?, error = ?, finished_at = ?
                WHERE notification_id = ? AND attempt = ?""", outcome, error, Timestamp.from(at), notification, attempt);
    }

    private static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
