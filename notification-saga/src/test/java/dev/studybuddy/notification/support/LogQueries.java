package dev.studybuddy.notification.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the NotificationLog and its attempts with plain SQL. A bean of every IT's context ({@code NotificationSagaIT}). */
public final class LogQueries {

    private final JdbcTemplate jdbc;

    public LogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> rowsOf(UUID recipient) {
        return jdbc.queryForList("""
                SELECT id, channel, type, status, attempts, last_error, source_event_id, payload::text AS payload
                FROM notification_log WHERE recipient = ? ORDER BY channel, created_at""", recipient);
    }

    public List<Map<String, Object>> attemptsOf(Object notificationId) {
        return jdbc.queryForList("""
                SELECT attempt, attempted_at, outcome, error FROM notification_attempts WHERE notification_id = ? ORDER BY attempt""", notificationId);
    }

    public void addContact(UUID user, String email) {
        jdbc.update(
                "INSERT INTO notification_contacts (user_id, email, verified, updated_at) VALUES (?, ?, true, now())",
                user,
                email);
    }

    public int count() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM notification_log", Integer.class);
        return count == null ? 0 : count;
    }
}
