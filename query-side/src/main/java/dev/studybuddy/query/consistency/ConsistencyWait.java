package dev.studybuddy.query.consistency;

import dev.studybuddy.platform.consistency.ConsistencyToken;
import org.springframework.stereotype.Component;

/**
 * Waits, boundedly, until a projection has applied the write a consistency token names. It polls the
 * shared positions table rather than listening in memory, because the processor segment that applies
 * the event may run on another query-side node.
 */
@Component
public class ConsistencyWait {

    private final ProjectionPositions positions;
    private final ConsistencyProperties properties;

    ConsistencyWait(ProjectionPositions positions, ConsistencyProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    /** @return whether the projection caught up before the bound (false: the answer may be stale) */
    public boolean until(String processingGroup, ConsistencyToken token) {
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (positions.sequence(processingGroup, token.aggregateId()) < token.sequence()) {
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
        }
        return true;
    }
}
