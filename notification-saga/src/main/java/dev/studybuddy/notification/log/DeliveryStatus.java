package dev.studybuddy.notification.log;

/**
 * Where a notification stands: PENDING (written, not yet confirmed by the broker) → PUBLISHED → DELIVERED;
 * a failed delivery is FAILED until it is retried, and DEAD once it has used up its attempts. A notification to a
 * user who was erased before it was delivered is CANCELLED and never sent (docs/adr/0019).
 */
public enum DeliveryStatus {
    PENDING,
    PUBLISHED,
    DELIVERED,
    FAILED,
    DEAD,
    CANCELLED
}
