package dev.studybuddy.notification.log;

import java.time.Instant;
import java.util.UUID;

/** A NotificationLog row as a test wants it in the table, with plain defaults for what it does not care about. */
public record LogRow(
        UUID id,
        UUID recipient,
        Channel channel,
        String type,
        String payloadJson,
        String sourceEventId,
        DeliveryStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant readAt) {

    public static LogRow inApp(UUID recipient, Instant createdAt) {
        return new LogRow(
                UUID.randomUUID(),
                recipient,
                Channel.IN_APP,
                "friend-request.received",
                "{\"from\": \"" + UUID.randomUUID() + "\"}",
                UUID.randomUUID().toString(),
                DeliveryStatus.DELIVERED,
                1,
                null,
                createdAt,
                null);
    }

    public LogRow channel(Channel newChannel) {
        return new LogRow(
                id,
                recipient,
                newChannel,
                type,
                payloadJson,
                sourceEventId,
                status,
                attempts,
                lastError,
                createdAt,
                readAt);
    }

    public LogRow type(String newType, String newPayloadJson) {
        return new LogRow(
                id,
                recipient,
                channel,
                newType,
                newPayloadJson,
                sourceEventId,
                status,
                attempts,
                lastError,
                createdAt,
                readAt);
    }

    public LogRow delivery(DeliveryStatus newStatus, int newAttempts, String newLastError) {
        return new LogRow(
                id,
                recipient,
                channel,
                type,
                payloadJson,
                sourceEventId,
                newStatus,
                newAttempts,
                newLastError,
                createdAt,
                readAt);
    }

    public LogRow source(String newSourceEventId) {
        return new LogRow(
                id,
                recipient,
                channel,
                type,
                payloadJson,
                newSourceEventId,
                status,
                attempts,
                lastError,
                createdAt,
                readAt);
    }

    public LogRow readAt(Instant newReadAt) {
        return new LogRow(
                id,
                recipient,
                channel,
                type,
                payloadJson,
                sourceEventId,
                status,
                attempts,
                lastError,
                createdAt,
                newReadAt);
    }
}
