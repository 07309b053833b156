package dev.studybuddy.command.file;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.platform.web.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A token bucket (Bucket4j) per user and purpose, taken before an upload is checked, so that one account
 * cannot keep the node decoding images; refused uploads count too. Buckets live in this node's memory,
 * bounded and forgotten when idle, like the identity endpoints' (several nodes would each count on their own).
 */
@Component
class UploadRateLimiter {

    private final UploadRateLimits limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    UploadRateLimiter(UploadRateLimits limits) {
        this.limits = limits;
    }

    /** @throws RateLimitedException (429 with {@code Retry-After}) when the user's budget for the purpose is spent */
    void admit(UUID userId, FilePurpose purpose) {
        UploadRateLimits.Limit limit = limits.of(purpose);
        Bucket bucket = buckets.get(
                userId + "|" + purpose,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.attempts())
                                .refillGreedy(limit.attempts(), limit.per())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
