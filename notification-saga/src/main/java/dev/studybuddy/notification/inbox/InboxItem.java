package dev.studybuddy.notification.inbox;

import dev.studybuddy.notification.log.Notification;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A notification as its recipient sees it in the inbox; delivery details are for auditors only. */
public record InboxItem(UUID id, String type, Map<String, Object> payload, Instant createdAt, Instant readAt) {

    static InboxItem of(Notification notification) {
        return new InboxItem(
                notification.id(),
                notification.type(),
                notification.payload(),
                notification.createdAt(),
                notification.readAt());
    }
}
