package dev.studybuddy.command.audit;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.audit.AuditedEvent;
import dev.studybuddy.platform.audit.ChainVerifier;
import dev.studybuddy.platform.audit.ChainVerifier.Verification;
import dev.studybuddy.platform.audit.StoredEvent;
import dev.studybuddy.platform.audit.StoredEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit of one aggregate: its whole stream as stored, its state at an instant, the integrity of its
 * hash chain. Served by command-side, where the aggregates (and so their event-sourcing handlers) live;
 * the edge routes {@code /api/audit/aggregates/**} here (README, "Audit and replay").
 */
@RestController
@RequestMapping("/api/audit/aggregates/{type}/{id}")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AggregateAuditController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final AuditedAggregates aggregates;
    private final StoredEvents storedEvents;
    private final PastStates pastStates;
    private final Clock clock;

    AggregateAuditController(
            AuditedAggregates aggregates, StoredEvents storedEvents, PastStates pastStates, Clock clock) {
        this.aggregates = aggregates;
        this.storedEvents = storedEvents;
        this.pastStates = pastStates;
        this.clock = clock;
    }

    /** The stream from sequence 0 (or after {@code afterSequence}), {@code limit} events a page. */
    @GetMapping("/events")
    EventsPage events(
            @PathVariable String type,
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") long afterSequence,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        aggregates.streamOf(type, id);
        List<StoredEvent> page = storedEvents.ofAggregate(id, afterSequence, limit + 1);
        Long next = page.size() > limit ? page.get(limit - 1).sequence() : null;
        return new EventsPage(
                type, id, page.stream().limit(limit).map(AuditedEvent::of).toList(), next);
    }

    /** The aggregate as it stood at {@code at} (default: now), rebuilt by its own event-sourcing handlers. */
    @GetMapping("/state")
    PastStates.PastState state(
            @PathVariable String type,
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        Class<?> aggregateClass = aggregates.streamOf(type, id);
        Instant instant = at != null ? at : clock.instant();
        return pastStates
                .at(aggregateClass, id, instant)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND, "The " + type + " " + id + " did not exist yet at " + instant + "."));
    }

    /** Recomputes the stream's hash chain: OK, or the first sequence that does not match and why. */
    @GetMapping("/verify")
    Verification verify(@PathVariable String type, @PathVariable String id) {
        aggregates.streamOf(type, id);
        return ChainVerifier.verify(storedEvents, id);
    }

    /** @param nextAfterSequence what to pass as {@code afterSequence} for the next page; null after the last */
    record EventsPage(String aggregateType, String aggregateId, List<AuditedEvent> items, Long nextAfterSequence) {}
}
