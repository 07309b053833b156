package dev.studybuddy.notification.delivery;

import dev.studybuddy.notification.log.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What a channel needs to deliver one NotificationLog row. */
public record PendingDelivery(
        UUID id, UUID recipient, Channel channel, String type, Map<String, Object> payload, Instant createdAt) {}
