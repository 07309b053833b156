package dev.studybuddy.notification.contacts;

import dev.studybuddy.api.user.ContactChanged;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail addresses on file ({@code notification_contacts}), as the identity integration reports them, each with
 * whether its owner has verified it: an address and its verification always arrive together, so a verification of
 * an earlier address never carries over to a new one.
 */
@Component
class Contacts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Contacts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes the change if it is newer than what is on file; a null address is kept as a row without one, so that
     * its version still wins over older messages. Returns whether anything changed (false for a redelivery or an
     * out-of-date message).
     */
    @Transactional
    public boolean apply(ContactChanged change) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update(
                        """
                        INSERT INTO notification_contacts (user_id, email, verified, version, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (user_id) DO UPDATE
                            SET email = EXCLUDED.email, verified = EXCLUDED.verified, version = EXCLUDED.version,
                                updated_at = EXCLUDED.updated_at
                            WHERE notification_contacts.version < EXCLUDED.version""",
                        change.userId(),
                        change.email(),
                        change.email() != null && change.verified(),
                        change.version(),
                        now)
                > 0;
    }
}
