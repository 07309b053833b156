package dev.studybuddy.notification.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.platform.transaction.CallersTransaction;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what a saga or notifier decided into the NotificationLog, inside the caller's transaction (the
 * event processor's or the deadline's), as PENDING rows the outbox relay will publish. One IN_APP row, and
 * an EMAIL row when the recipient has a verified address on file and has not turned e-mail off for the type.
 * The unique (source, recipient, channel) key makes a second write of the same decision (a redelivered
 * event, a retried batch, two nodes) a no-op. Nothing is written for an erased user ({@link ErasedRecipients}).
 */
@Component
public class NotificationWriter {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ErasedRecipients erased;

    NotificationWriter(JdbcTemplate jdbc, ObjectMapper json, Clock clock, ErasedRecipients erased) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.erased = erased;
    }

    /**
     * @param sourceId what caused it: the event's identifier, or a name derived from it for a deadline
     * @return how many rows were new (0 when this decision had been written before)
     */
    public int notify(UUID recipient, String sourceId, NotificationPayload payload) {
        CallersTransaction.require();
        return notify(recipient, sourceId, payload, true);
    }

    /**
     * As {@link #notify(UUID, String, NotificationPayload)}, but e-mail only when {@code emailAllowed}: a chat
     * notification is not mailed to someone who is reading that conversation right now.
     */
    public int notify(UUID recipient, String sourceId, NotificationPayload payload, boolean emailAllowed) {
        CallersTransaction.require();
        if (erased.lockForWriting(recipient)) {
            return 0;
        }
        NotificationType type = payload.type();
        int written = insert(type, recipient, Channel.IN_APP, sourceId, payload);
        if (emailAllowed && wantsEmail(recipient, type)) {
            written += insert(type, recipient, Channel.EMAIL, sourceId, payload);
        }
        return written;
    }

    private boolean wantsEmail(UUID recipient, NotificationType type) {
        Boolean enabled = jdbc.query(
                """
                        SELECT COALESCE(
                                   (SELECT p.email_enabled FROM notification_preferences p
                                    WHERE p.recipient = c.user_id AND p.type = ?), ?)
                        FROM notification_contacts c WHERE c.user_id = ? AND c.email IS NOT NULL AND c.verified""", rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, type.key(), type.emailByDefault(), recipient);
        return Boolean.TRUE.equals(enabled);
    }

    private int insert(
            NotificationType type, UUID recipient, Channel channel, String sourceId, NotificationPayload payload) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update(
                """
                        INSERT INTO notification_log (id, recipient, channel, type, payload, source_event_id, status,
                                                      attempts, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, 'PENDING', 0, ?, ?)
                        ON CONFLICT ON CONSTRAINT notification_log_once DO NOTHING""", UUID.randomUUID(), recipient, channel.name(), type.key(), toJson(payload), sourceId, now, now);
    }

    private String toJson(NotificationPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Notification payload is not JSON-serializable", e);
        }
    }
}
