package dev.studybuddy.notification.preferences;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.notification.log.NotificationType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes {@code notification_preferences}. They are applied when a notification is written: with
 * e-mail off for its type, no EMAIL row is created at all.
 */
@Component
class Preferences {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Preferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    NotificationPreferences of(UUID user) {
        Map<String, Boolean> stored = new HashMap<>();
        jdbc.query(
                "SELECT type, email_enabled FROM notification_preferences WHERE recipient = ?",
                rs -> {
                    stored.put(rs.getString("type"), rs.getBoolean("email_enabled"));
                },
                user);
        Map<String, Boolean> email = new LinkedHashMap<>();
        for (NotificationType type : NotificationType.values()) {
            email.put(type.key(), stored.getOrDefault(type.key(), type.emailByDefault()));
        }
        return new NotificationPreferences(email);
    }

    @Transactional
    NotificationPreferences change(UUID user, NotificationPreferences changes) {
        if (changes == null || changes.email() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Name the types to change under \"email\".");
        }
        for (Map.Entry<String, Boolean> change : changes.email().entrySet()) {
            if (NotificationType.byKey(change.getKey()).isEmpty() || change.getValue() == null) {
                throw new DomainException(
                        ErrorCode.VALIDATION_FAILED, "Unknown notification type or missing value: " + change.getKey());
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        // in the types' order, not the request's: two changes naming the same types in another order deadlocked
        new TreeMap<>(changes.email()).forEach((type, enabled) -> jdbc.update("""
                INSERT INTO notification_preferences (recipient, type, email_enabled, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (recipient, type) DO UPDATE SET email_enabled = excluded.email_enabled,
                                                            updated_at = excluded.updated_at""", user, type, enabled, now));
        return of(user);
    }
}
