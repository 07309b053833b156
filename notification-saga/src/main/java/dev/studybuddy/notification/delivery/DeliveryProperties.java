package dev.studybuddy.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How hard a notification is tried: after a failed attempt {@code n} the next one is due
 * {@code min(backoffCap, backoffBase * 2^(n-1))} later, and after {@code maxAttempts} failures it is DEAD.
 *
 * @param mailFrom the sender of notification e-mails
 */
@ConfigurationProperties("studybuddy.notifications.delivery")
public record DeliveryProperties(int maxAttempts, Duration backoffBase, Duration backoffCap, String mailFrom) {

    public DeliveryProperties {
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        backoffBase = backoffBase == null ? Duration.ofSeconds(30) : backoffBase;
        backoffCap = backoffCap == null ? Duration.ofHours(1) : backoffCap;
        mailFrom = mailFrom == null ? "StudyBuddy <no-reply@studybuddy.local>" : mailFrom;
    }

    /** The pause after the {@code attempt}-th failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration backoff = backoffBase.multipliedBy(1L << doublings);
        return backoff.compareTo(backoffCap) > 0 ? backoffCap : backoff;
    }
}
