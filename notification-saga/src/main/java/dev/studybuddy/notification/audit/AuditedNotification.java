package dev.studybuddy.notification.audit;

import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.Notification;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A row of the NotificationLog in full, delivery state included, as auditors see it.
 *
 * @param possibleDuplicates attempts of unknown outcome (the worker stopped after the send may have happened): the
 *                           recipient may have got the notification that many times more than the log says
 */
public record AuditedNotification(
        UUID id,
        UUID recipient,
        Channel channel,
        String type,
        Map<String, Object> payload,
        String sourceEventId,
        DeliveryStatus status,
        int attempts,
        int possibleDuplicates,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant readAt) {

    static AuditedNotification of(Notification n) {
        return new AuditedNotification(
                n.id(),
                n.recipient(),
                n.channel(),
                n.type(),
                n.payload(),
                n.sourceEventId(),
                n.status(),
                n.attempts(),
                n.possibleDuplicates(),
                n.lastError(),
                n.createdAt(),
                n.updatedAt(),
                n.readAt());
    }
}
