package dev.studybuddy.notification.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.notification.NotificationSagaIT;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The table's own guarantees, which the coming sagas, relay and workers lean on. */
@NotificationSagaIT
class NotificationLogSchemaIT {

    private static final Instant T0 = Instant.parse("2025-04-01T12:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationRepository repository;

    private NotificationRows rows;
    private final UUID recipient = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc);
    }

    @Test
    void oneEventNotifiesARecipientOncePerChannel() {
        LogRow inApp = rows.insert(LogRow.inApp(recipient, T0).source("event-42"));
        rows.insert(LogRow.inApp(recipient, T0).source("event-42").channel(Channel.EMAIL));
        rows.insert(LogRow.inApp(UUID.randomUUID(), T0).source("event-42"));

        assertThatThrownBy(() -> rows.insert(LogRow.inApp(recipient, T0).source(inApp.sourceEventId())))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void onlyKnownChannelsAndStatusesAreStored() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO notification_log (id, recipient, channel, type, source_event_id, created_at, updated_at)
                VALUES (?, ?, 'SMS', 't', 'e', now(), now())""", UUID.randomUUID(), recipient))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO notification_log (id, recipient, channel, type, source_event_id, status, created_at, updated_at)
                VALUES (?, ?, 'IN_APP', 't', 'e', 'LOST', now(), now())""", UUID.randomUUID(), recipient))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aNewRowStartsPendingWithoutAttempts() {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO notification_log (id, recipient, channel, type, source_event_id, created_at, updated_at)
                VALUES (?, ?, 'EMAIL', 'session.reminder', ?, now(), now())""", id, recipient, UUID.randomUUID().toString());

        Notification stored = repository.findById(id).orElseThrow();

        assertThat(stored.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.payload()).isEmpty();
    }

    @Test
    void theEntityReadsEveryColumn() {
        LogRow row = rows.insert(LogRow.inApp(recipient, T0)
                .type("group.join-request.received", "{\"groupId\": \"g-7\", \"requester\": {\"name\": \"Ann\"}}")
                .delivery(DeliveryStatus.FAILED, 3, "connection reset")
                .readAt(T0.plusSeconds(9)));

        Notification stored = repository.findById(row.id()).orElseThrow();

        assertThat(stored.recipient()).isEqualTo(recipient);
        assertThat(stored.channel()).isEqualTo(Channel.IN_APP);
        assertThat(stored.type()).isEqualTo("group.join-request.received");
        assertThat(stored.payload()).containsEntry("groupId", "g-7").containsEntry("requester", Map.of("name", "Ann"));
        assertThat(stored.sourceEventId()).isEqualTo(row.sourceEventId());
        assertThat(stored.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(stored.attempts()).isEqualTo(3);
        assertThat(stored.lastError()).isEqualTo("connection reset");
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.updatedAt()).isEqualTo(T0);
        assertThat(stored.readAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void attemptsBelongToALoggedNotificationAndAreNumberedOnce() {
        LogRow row = rows.insert(LogRow.inApp(recipient, T0));
        String insertAttempt = """
                INSERT INTO notification_attempts (notification_id, attempt, attempted_at, outcome, error)
                VALUES (?, ?, ?, ?, ?)""";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        jdbc.update(insertAttempt, row.id(), 1, now, "FAILED", "timeout");
        jdbc.update(insertAttempt, row.id(), 2, now, "DELIVERED", null);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification_attempts WHERE notification_id = ?",
                        Integer.class,
                        row.id()))
                .isEqualTo(2);
        assertThatThrownBy(() -> jdbc.update(insertAttempt, row.id(), 2, now, "DELIVERED", null))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update(insertAttempt, UUID.randomUUID(), 1, now, "FAILED", "x"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
