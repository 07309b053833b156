package dev.studybuddy.notification.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the NotificationLog: a notification for one recipient on one channel, and how its delivery went. */
@Entity
@Table(name = "notification_log")
public class Notification {

    @Id
    private UUID id;

    private UUID recipient;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String type;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> payload;

    @Column(name = "source_event_id")
    private String sourceEventId;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "possible_duplicates")
    private int possibleDuplicates;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {}

    public UUID id() {
        return id;
    }

    public UUID recipient() {
        return recipient;
    }

    public Channel channel() {
        return channel;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> payload() {
        return payload;
    }

    public String sourceEventId() {
        return sourceEventId;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    /** Attempts whose worker stopped before recording the outcome: each may have reached the recipient. */
    public int possibleDuplicates() {
        return possibleDuplicates;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant readAt() {
        return readAt;
    }
}
