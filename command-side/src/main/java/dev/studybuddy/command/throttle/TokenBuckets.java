package dev.studybuddy.command.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.platform.web.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) by key, each holding {@code capacity} tokens refilled evenly over {@code per}, kept in this
 * node's memory, bounded and forgotten when idle: several command-side nodes would each count on their own. The
 * limits of sign-in, uploads and writes each keep a set of their own.
 */
public final class TokenBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    /** @throws RateLimitedException (429 with {@code Retry-After}) when the key's bucket is empty */
    public void take(String key, int capacity, Duration per) {
        ConsumptionProbe probe = tryTake(key, capacity, per);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    public ConsumptionProbe tryTake(String key, int capacity, Duration per) {
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, per)
                                .build())
                        .build());
        return bucket.tryConsumeAndReturnRemaining(1);
    }
}
