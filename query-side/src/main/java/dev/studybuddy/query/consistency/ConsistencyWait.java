package dev.studybuddy.query.consistency;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import org.springframework.stereotype.Component;

/**
 * Waits, boundedly, until a projection has applied the write a consistency token names. It polls the
 * shared positions table rather than listening in memory, because the processor segment that applies
 * the event may run on another query-side node. A write of a type the projection does not apply (a message, for
 * the {@code groups} projection) is in its view once it has applied the newest event of the stream up to that
 * write that it does apply: the wait is for that one.
 */
@Component
public class ConsistencyWait {

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
        long needed = storedEvents.lastOfTypes(
                aggregateId, applied, token.sequence(), type -> interests.applies(processingGroup, type));
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
}
