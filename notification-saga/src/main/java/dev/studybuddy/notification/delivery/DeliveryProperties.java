package dev.studybuddy.notification.delivery;

import java.time.Duration;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

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

    /** Every pause a notification may wait out between two attempts, shortest first. */
    public SortedSet<Duration> backoffs() {
        SortedSet<Duration> backoffs = new TreeSet<>();
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            backoffs.add(backoffAfter(attempt));
        }
        return backoffs;
    }

    /** The pause after the {@code attempt}-th failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration backoff = backoffBase.multipliedBy(1L << doublings);
        return backoff.compareTo(backoffCap) > 0 ? backoffCap : backoff;
    }
}
