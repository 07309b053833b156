package dev.studybuddy.notification.log;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes and reads NotificationLog rows with plain SQL, independent of the service's own mapping. */
public class NotificationRows {

    private final JdbcTemplate jdbc;

    public NotificationRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a row as it stands, out of reach of the service's own outbox relay (running in the same
     * context): its next attempt is due only tomorrow and a published one was published just now, so the
     * relay does not move it on while a test reads it.
     */
    public LogRow insert(LogRow row) {
        Instant now = Instant.now();
        jdbc.update(
                """
                        INSERT INTO notification_log (id, recipient, channel, type, payload, source_event_id, status,
                                                      attempts, last_error, created_at, updated_at, read_at,
                                                      next_attempt_at, published_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.id(),
                row.recipient(),
                row.channel().name(),
                row.type(),
                row.payloadJson(),
                row.sourceEventId(),
                row.status().name(),
                row.attempts(),
                row.lastError(),
                timestamp(row.createdAt()),
                timestamp(row.createdAt()),
                timestamp(row.readAt()),
                timestamp(now.plus(Duration.ofDays(1))),
                timestamp(now));
        return row;
    }

    public Instant readAt(UUID id) {
        OffsetDateTime readAt =
                jdbc.queryForObject("SELECT read_at FROM notification_log WHERE id = ?", OffsetDateTime.class, id);
        return readAt == null ? null : readAt.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
