package dev.studybuddy.notification.audit;

import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.NotificationPages;
import dev.studybuddy.platform.web.CursorPage;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The NotificationLog for auditors: every recipient, channel and delivery state. */
@RestController
@RequestMapping("/api/audit/notifications")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class NotificationAuditController {

    private final NotificationPages pages;
    private final AttemptHistory attempts;

    NotificationAuditController(NotificationPages pages, AttemptHistory attempts) {
        this.pages = pages;
        this.attempts = attempts;
    }

    @GetMapping
    CursorPage<AuditedNotification> search(
            @RequestParam(required = false) UUID recipient,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        AuditFilter filter = new AuditFilter(recipient, status, from, to);
        return pages.newestFirst(filter.toSpecification(), cursor, limit, AuditedNotification::of);
    }

    /** Every delivery attempt of one notification, first first: SENDING while under way, UNKNOWN if its worker stopped. */
    @GetMapping("/{id}/attempts")
    AttemptHistory.Attempts attempts(@PathVariable UUID id) {
        return attempts.of(id);
    }
}
