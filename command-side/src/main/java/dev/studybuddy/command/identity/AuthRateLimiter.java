package dev.studybuddy.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.platform.web.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Token buckets (Bucket4j) for the abuse-prone identity endpoints: attempts per client address, and
 * registrations per user name (failed logins are {@link LoginThrottle}'s). Buckets live in this node's memory,
 * bounded and forgotten when idle; several command-side nodes would each count on their own.
 */
@Component
class AuthRateLimiter {

    enum Action { REGISTER, LOGIN, REFRESH }

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    AuthRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    void checkAddress(Action action, String address) {
        consume(action + "|address|" + address, properties.perAddress());
    }

    void checkRegistrationOf(String username) {
        consume(Action.REGISTER + "|user|" + username, properties.perUsername());
    }

    private void consume(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
