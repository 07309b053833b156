package dev.studybuddy.notification.log;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The users who were erased, and the lock that keeps a notification from slipping past an erasure
 * (docs/adr/0019): whoever writes a notification for a user holds that user's advisory lock shared until its
 * transaction ends, and the erasure holds it exclusively. So the erasure waits for every write already under way
 * and then cancels what they wrote, and a write that comes later waits for the erasure and then finds the user
 * erased. Both are transaction-scoped, so neither outlives the transaction that took it.
 */
@Component
public class ErasedRecipients {

    /** The first half of the two-part advisory lock key: this lock's own space, apart from any other. */
    private static final int LOCK_SPACE = 0x5B_0019;

    private final JdbcTemplate jdbc;

    ErasedRecipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the user's lock shared for the rest of the caller's transaction, then tells whether they were erased.
     * Two statements: a single one would read the table as it stood before it waited for the lock.
     */
    boolean lockForWriting(UUID user) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?, ?)", LOCK_SPACE, user.hashCode());
        Boolean erased = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM erased_recipients WHERE user_id = ?)", Boolean.class, user);
        return Boolean.TRUE.equals(erased);
    }

    /**
     * Records the user as erased, holding their lock exclusively for the rest of the caller's transaction (after any
     * write of theirs under way has committed), and cancels every notification to them that is not done yet: one
     * that a worker is sending is cancelled once the worker has recorded the outcome, as it holds the row's lock.
     *
     * @return how many notifications were cancelled
     */
    public int erase(UUID user, Instant at) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE, user.hashCode());
        jdbc.update(
                "INSERT INTO erased_recipients (user_id, erased_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING",
                user,
                Timestamp.from(at));
        return jdbc.update("""
                UPDATE notification_log SET status = 'CANCELLED', next_attempt_at = NULL, updated_at = ?
                WHERE recipient = ? AND status IN ('PENDING', 'PUBLISHED', 'FAILED')""", Timestamp.from(at), user);
    }
}
