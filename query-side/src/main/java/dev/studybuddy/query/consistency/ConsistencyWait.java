package dev.studybuddy.query.consistency;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import org.springframework.stereotype.Component;

/**
 * Waits, boundedly, until a projection has applied the write a consistency token names. It polls the
 * shared positions table rather than listening in memory, because the processor segment that applies
 * the event may run on another query-side node. A write the projection does not take in (a message, for the
 * {@code groups} projection) is in its view once it has applied the newest event of the stream up to that write
 * that it does take in ({@link ProjectionInterests}): the wait is for that one.
 */
@Component
public class ConsistencyWait {

    private static final int MAX_EVENTS_ASKED = 20;

    private final ProjectionPositions positions;
    private final ConsistencyProperties properties;
    private final StoredEvents storedEvents;
    private final ProjectionInterests interests;

    ConsistencyWait(
            ProjectionPositions positions,
            ConsistencyProperties properties,
            StoredEvents storedEvents,
            ProjectionInterests interests) {
        this.positions = positions;
        this.properties = properties;
        this.storedEvents = storedEvents;
        this.interests = interests;
    }

    /**
     * @return whether the projection caught up before the bound (false: the answer may be stale)
     * @throws DomainException MALFORMED_REQUEST at once for a token that names no stored event: the system
     *                         never issued it (a command answers only after its event is stored), so no wait
     *                         would ever end it
     */
    public boolean until(String processingGroup, ConsistencyToken token) {
        String aggregateId = token.aggregateId();
        long applied = positions.sequence(processingGroup, aggregateId);
        if (applied >= token.sequence()) {
            return true;
        }
        if (storedEvents.at(aggregateId, token.sequence()).isEmpty()) {
            throw new DomainException(
                    ErrorCode.MALFORMED_REQUEST, ConsistencyToken.HEADER + " names no write this system made.");
        }
        long needed = newestTakenIn(processingGroup, aggregateId, applied, token.sequence());
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (applied < needed) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(properties.pollInterval().toMillis(), remaining / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            applied = positions.sequence(processingGroup, aggregateId);
        }
        return true;
    }

    /**
     * Whether the projection has applied every event of the stream up to {@code upTo} that it takes in, without
     * waiting: its rows then tell all that stream says (a replay under way, or a lag, makes it false).
     */
    public boolean hasApplied(String processingGroup, String aggregateId, long upTo) {
        long applied = positions.sequence(processingGroup, aggregateId);
        return applied >= upTo || applied >= newestTakenIn(processingGroup, aggregateId, applied, upTo);
    }

    /**
     * The newest event of the stream after {@code applied} and up to {@code upTo} that the projection takes in, or
     * {@code applied} if there is none: the stream's stored types newest first, and each event of a type the
     * projection takes in only in part (a message with attachments) read and asked, at most
     * {@value #MAX_EVENTS_ASKED} of them; past that, the newest one asked is waited for.
     */
    private long newestTakenIn(String processingGroup, String aggregateId, long applied, long upTo) {
        long candidate = upTo;
        for (int asked = 0; ; asked++) {
            candidate = storedEvents.lastOfTypes(
                    aggregateId, applied, candidate, type -> interests.takesType(processingGroup, type));
            if (candidate == applied
                    || asked == MAX_EVENTS_ASKED
                    || interests.takes(processingGroup, aggregateId, candidate)) {
                return candidate;
            }
            candidate--;
        }
    }
}
