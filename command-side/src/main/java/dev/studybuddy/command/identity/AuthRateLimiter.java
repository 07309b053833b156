package dev.studybuddy.command.identity;

import dev.studybuddy.command.throttle.TokenBuckets;
import io.github.bucket4j.ConsumptionProbe;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Token buckets for the abuse-prone identity endpoints: attempts per client address, registrations per
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
    private final TokenBuckets buckets = new TokenBuckets();

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
        buckets.take(key, limit.attempts(), limit.per());
    }

    private ConsumptionProbe tryConsume(String key, RateLimitProperties.Limit limit) {
        return buckets.tryTake(key, limit.attempts(), limit.per());
    }
}
