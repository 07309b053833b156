package dev.studybuddy.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.platform.web.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without letting a stranger lock the owner out. Failures are counted per
 * user name and client address: after a few, that pair waits before its next attempt, twice as long after
 * each further failure, whatever password it then sends. Attempts from other addresses are not slowed by
 * them, so the owner signs in from their own address while a guesser elsewhere waits. Only a much higher
 * number of failures of one user name from all addresses together (a guesser with many addresses) stops
 * every sign-in with that name for a while.
 * <p>
 * An attempt counts as failed from its start until {@link Attempt#succeeded()}: parallel guesses cannot
 * all pass before the first one's failure is known. State lives in this node's memory, like
 * {@link AuthRateLimiter}'s buckets.
 */
@Component
class LoginThrottle {

    private final RateLimitProperties.LoginFailures limits;
    private final Clock clock;
    private final Cache<String, Failures> failuresByPair;
    private final Cache<String, Bucket> failuresByUsername;

    LoginThrottle(RateLimitProperties properties, Clock clock) {
        this.limits = properties.loginFailures();
        this.clock = clock;
        this.failuresByPair = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(limits.forgottenAfter())
                .build();
        this.failuresByUsername = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limits.forgottenAfter())
                .build();
    }

    /** Refuses with 429 while this user name has failed too often anywhere, or is backed off for this address. */
    Attempt begin(String username, String address) {
        Bucket ceiling = failuresByUsername.get(username, ignored -> ceilingBucket());
        if (!ceiling.tryConsume(1)) {
            EstimationProbe probe = ceiling.estimateAbilityToConsume(1);
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        String pair = username + "|" + address;
        try {
            countAsFailed(pair);
        } catch (RateLimitedException e) {
            ceiling.addTokens(1);
            throw e;
        }
        return new Attempt(pair, ceiling);
    }

    private void countAsFailed(String pair) {
        Instant now = clock.instant();
        ConcurrentMap<String, Failures> failures = failuresByPair.asMap();
        while (true) {
            Failures current = failures.get(pair);
            Failures before = current == null ? Failures.NONE : current;
            if (before.waitsAt(now)) {
                throw new RateLimitedException(Duration.between(now, before.notBefore()));
            }
            Failures after = before.plusOne(now, limits);
            boolean stored = current == null
                    ? failures.putIfAbsent(pair, after) == null
                    : failures.replace(pair, current, after);
            if (stored) {
                return;
            }
        }
    }

    private Bucket ceilingBucket() {
        RateLimitProperties.Limit limit = limits.perUsername();
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.attempts())
                        .refillGreedy(limit.attempts(), limit.per())
                        .build())
                .build();
    }

    /** One sign-in attempt, a failure unless it is told otherwise. */
    final class Attempt {

        private final String pair;
        private final Bucket ceiling;

        private Attempt(String pair, Bucket ceiling) {
            this.pair = pair;
            this.ceiling = ceiling;
        }

        /** The right password: this address starts again from nothing, and the attempt leaves the ceiling alone. */
        void succeeded() {
            failuresByPair.invalidate(pair);
            ceiling.addTokens(1);
        }
    }

    /**
     * @param count     failures so far (the attempt under way included, until it succeeds)
     * @param notBefore when the next attempt may begin
     */
    private record Failures(int count, Instant notBefore) {

        static final Failures NONE = new Failures(0, Instant.EPOCH);

        boolean waitsAt(Instant now) {
            return now.isBefore(notBefore);
        }

        Failures plusOne(Instant now, RateLimitProperties.LoginFailures limits) {
            int failed = count + 1;
            return new Failures(failed, now.plus(backOff(failed, limits)));
        }

        private static Duration backOff(int failed, RateLimitProperties.LoginFailures limits) {
            int beyondFree = failed - limits.free();
            if (beyondFree < 0) {
                return Duration.ZERO;
            }
            long factor = 1L << Math.min(beyondFree, 30);
            Duration wait = limits.firstBackOff().multipliedBy(factor);
            return wait.compareTo(limits.maxBackOff()) > 0 ? limits.maxBackOff() : wait;
        }
    }
}
