package dev.studybuddy.notification.audit;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The {@code notification_attempts} of one notification, as auditors see them. */
@Component
class AttemptHistory {

    private final JdbcTemplate jdbc;

    AttemptHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Attempts of(UUID notification) {
        Integer rows =
                jdbc.queryForObject("SELECT count(*) FROM notification_log WHERE id = ?", Integer.class, notification);
        if (rows == null || rows == 0) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No notification " + notification + ".");
        }
        return new Attempts(jdbc.query("""
                SELECT attempt, attempted_at, finished_at, outcome, error, worker FROM notification_attempts
                WHERE notification_id = ? ORDER BY attempt""", AttemptHistory::attempt, notification));
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        return new Attempt(
                rs.getInt("attempt"),
                instant(rs.getTimestamp("attempted_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("outcome"),
                rs.getString("error"),
                rs.getString("worker"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record Attempts(List<Attempt> items) {}

    /**
     * @param outcome SENDING (under way), DELIVERED, FAILED, or UNKNOWN: its worker stopped after the send may have
     *                happened, so the notification may have arrived and a later attempt be a duplicate
     */
    record Attempt(int attempt, Instant startedAt, Instant finishedAt, String outcome, String error, String worker) {}
}
