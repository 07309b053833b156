package dev.studybuddy.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.platform.web.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) for the abuse-prone identity endpoints: attempts per client address, registrations per
 * user name, and mails per account (failed logins are {@link LoginThrottle}'s). Buckets live in this node's memory,
 * bounded and forgotten when idle; several command-side nodes would each count on their own.
 */
@Component
class AuthRateLimiter {

    enum Action {
        REGISTER,
        LOGIN,
        REFRESH,
        VERIFY_EMAIL,
        PASSWORD_RESET
    }

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

    void checkVerificationResendOf(UUID userId) {
        consume("VERIFICATION_RESEND|user|" + userId, properties.verificationResends());
    }

    /** Whether another reset mail may go to that account; beyond the limit nothing is sent, and nobody is told. */
    boolean mayMailResetTo(UUID userId) {
        return tryConsume("RESET_MAIL|user|" + userId, properties.resetMails()).isConsumed();
    }

    private void consume(String key, RateLimitProperties.Limit limit) {
        ConsumptionProbe probe = tryConsume(key, limit);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private ConsumptionProbe tryConsume(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.attempts())
                                .refillGreedy(limit.attempts(), limit.per())
                                .build())
                        .build());
        return bucket.tryConsumeAndReturnRemaining(1);
    }
}
