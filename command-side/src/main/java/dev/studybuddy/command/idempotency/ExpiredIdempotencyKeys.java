package dev.studybuddy.command.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes keys past their lifetime, batch by batch. Every node sweeps; two sweeping at once only delete
 * the same rows once, so no coordination is needed. A missed sweep (PostgreSQL down) is made up by the next:
 * an expired key is treated as free whether or not its row is gone. Sweeps every
 * {@code studybuddy.idempotency.cleanup-interval} (10 min), on the periodic task {@link IdempotencyConfiguration}
 * declares.
 */
@Component
class ExpiredIdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final Clock clock;

    ExpiredIdempotencyKeys(IdempotencyRecords records, IdempotencyProperties properties, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    void deleteRegularly() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Deleted {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Deleting expired idempotency keys failed, trying again in {}: {}",
                    properties.cleanupInterval(),
                    e.toString());
        }
    }

    int deleteExpired() {
        int deleted = 0;
        int batch;
        do {
            batch = records.deleteExpired(clock.instant(), properties.cleanupBatch());
            deleted += batch;
        } while (batch == properties.cleanupBatch());
        return deleted;
    }
}
