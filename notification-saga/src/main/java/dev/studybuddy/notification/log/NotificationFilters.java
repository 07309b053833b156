package dev.studybuddy.notification.log;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/** The conditions the inbox and the audit combine to select rows of the log. */
public final class NotificationFilters {

    private NotificationFilters() {}

    public static Specification<Notification> all() {
        return Specification.unrestricted();
    }

    public static Specification<Notification> recipient(UUID recipient) {
        return (root, query, cb) -> cb.equal(root.get("recipient"), recipient);
    }

    public static Specification<Notification> channel(Channel channel) {
        return (root, query, cb) -> cb.equal(root.get("channel"), channel);
    }

    public static Specification<Notification> unread() {
        return (root, query, cb) -> cb.isNull(root.get("readAt"));
    }

    public static Specification<Notification> status(DeliveryStatus status) {
        return (root, query, cb) -> cb.equal(root.get("status"), status);
    }

    /** Created at or after {@code from}. */
    public static Specification<Notification> createdFrom(Instant from) {
        return (root, query, cb) -> cb.greaterThanOrEqualTo(root.get("createdAt"), from);
    }

    /** Created strictly before {@code to}, so consecutive ranges do not overlap. */
    public static Specification<Notification> createdBefore(Instant to) {
        return (root, query, cb) -> cb.lessThan(root.get("createdAt"), to);
    }

    /** Older than the cursor's row in newest-first order; the id breaks ties between equal times. */
    static Specification<Notification> olderThan(LogCursor cursor) {
        return (root, query, cb) -> cb.or(
                cb.lessThan(root.get("createdAt"), cursor.createdAt()),
                cb.and(
                        cb.equal(root.get("createdAt"), cursor.createdAt()),
                        cb.lessThan(root.<UUID>get("id"), cursor.id())));
    }
}
