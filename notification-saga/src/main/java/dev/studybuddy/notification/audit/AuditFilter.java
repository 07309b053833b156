package dev.studybuddy.notification.audit;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.Notification;
import dev.studybuddy.notification.log.NotificationFilters;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * What an auditor narrows the log to; every part is optional. The time range is half-open,
 * {@code from <= createdAt < to}, so consecutive ranges neither overlap nor leave gaps.
 */
record AuditFilter(UUID recipient, DeliveryStatus status, Instant from, Instant to) {

    /** What PostgreSQL's timestamps hold; a number in {@code from} or {@code to} is read as epoch milliseconds. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    AuditFilter {
        for (Instant bound : new Instant[] {from, to}) {
            if (bound != null && (bound.isBefore(EARLIEST) || bound.isAfter(LATEST))) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "from and to lie between the years 1 and 9999.");
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "from must be before to.");
        }
    }

    Specification<Notification> toSpecification() {
        Specification<Notification> filter = NotificationFilters.all();
        if (recipient != null) {
            filter = filter.and(NotificationFilters.recipient(recipient));
        }
        if (status != null) {
            filter = filter.and(NotificationFilters.status(status));
        }
        if (from != null) {
            filter = filter.and(NotificationFilters.createdFrom(from));
        }
        if (to != null) {
            filter = filter.and(NotificationFilters.createdBefore(to));
        }
        return filter;
    }
}
