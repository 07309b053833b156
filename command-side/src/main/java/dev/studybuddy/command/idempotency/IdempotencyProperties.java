package dev.studybuddy.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keepFor         how long a key's outcome is answered again (and the key cannot be used otherwise)
 * @param lease           how long a request in progress holds its key; a key whose node died mid-request is
 *                        served afresh after that
 * @param cleanupInterval how often expired keys are deleted
 * @param cleanupBatch    how many expired keys one delete statement removes
 */
@ConfigurationProperties("studybuddy.idempotency")
record IdempotencyProperties(
        @DefaultValue("24h") Duration keepFor,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10m") Duration cleanupInterval,
        @DefaultValue("1000") int cleanupBatch) {}
