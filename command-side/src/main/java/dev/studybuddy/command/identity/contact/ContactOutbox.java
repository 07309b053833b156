package dev.studybuddy.command.identity.contact;

import dev.studybuddy.platform.transaction.CallersTransaction;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records a change of a user's e-mail address for notification-saga. Only inside the transaction that changes
 * the credential: both commit, or neither does. {@link ContactOutboxRelay} publishes the rows.
 */
@Component
public class ContactOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContactOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The user's address is now {@code email}, not verified yet. */
    public void addressChanged(UUID userId, String email) {
        CallersTransaction.require();
        requireAddress(email);
        insert(userId, email, false);
    }

    /** The user proved they read mail at {@code email}, their current address: notifications may be mailed there. */
    public void addressVerified(UUID userId, String email) {
        CallersTransaction.require();
        requireAddress(email);
        insert(userId, email, true);
    }

    /**
     * The user's address must no longer be used. The address is also blanked in the user's earlier rows, so the
     * outbox keeps no copy of it; such a row, if still unpublished, then announces "no address", which is true.
     */
    public void addressForgotten(UUID userId) {
        CallersTransaction.require();
        jdbc.update("UPDATE contact_outbox SET email = NULL WHERE user_id = ? AND email IS NOT NULL", userId);
        insert(userId, null, false);
    }

    private static void requireAddress(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("an address is required; use addressForgotten to remove one");
        }
    }

    private void insert(UUID userId, String email, boolean verified) {
        jdbc.update(
                "INSERT INTO contact_outbox (user_id, email, verified, created_at) VALUES (?, ?, ?, ?)",
                userId,
                email,
                verified,
                Timestamp.from(clock.instant()));
    }
}
