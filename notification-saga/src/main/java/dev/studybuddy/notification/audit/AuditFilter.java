package dev.studybuddy.notification.audit;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.Notification;
import dev.studybuddy.notification.log.NotificationFilters;
import org.springframework.data.jpa.domain.Specification;

import java.time.Instant;
import java.util.UUID;

/**
 * What an auditor narrows the log to; every part is optional. The time range is half-open,
 * {@code from <= createdAt < to}, so consecutive ranges neither overlap nor leave gaps.
 */
record AuditFilter(UUID recipient, DeliveryStatus status, Instant from, Instant to) {

    AuditFilter {
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
