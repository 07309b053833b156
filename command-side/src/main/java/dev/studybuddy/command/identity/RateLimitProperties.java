package dev.studybuddy.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Attempts allowed at register, login, refresh, e-mail verification and password reset per client address (each
 * action counted on its own), registrations per user name, and how failed logins are slowed down
 * ({@link LoginThrottle}).
 *
 * @param verificationResends verification mails one user may ask for again
 * @param resetMails          password reset mails sent to one account (requests beyond them are answered alike,
 *                            and mail nothing)
 */
@ConfigurationProperties("studybuddy.rate-limits")
record RateLimitProperties(
        @DefaultValue({"30", "1m"}) Limit perAddress,
        @DefaultValue({"10", "1m"}) Limit perUsername,
        @DefaultValue LoginFailures loginFailures,
        @DefaultValue({"3", "1h"}) Limit verificationResends,
        @DefaultValue({"3", "1h"}) Limit resetMails) {

    record Limit(int attempts, Duration per) {}

    /**
     * @param free          failures of one user name from one address before its next attempt must wait
     * @param firstBackOff  that wait; it doubles with each further failure
     * @param maxBackOff    the longest wait
     * @param forgottenAfter how long after its last attempt a user name and address start again from nothing
     * @param perUsername   failures of one user name from all addresses together; beyond them nobody signs in
     *                      with that name until the bucket refills
     */
    record LoginFailures(
            @DefaultValue("3") int free,
            @DefaultValue("1s") Duration firstBackOff,
            @DefaultValue("15m") Duration maxBackOff,
            @DefaultValue("1h") Duration forgottenAfter,
            @DefaultValue({"100", "1h"}) Limit perUsername) {

        LoginFailures {
            if (forgottenAfter.compareTo(maxBackOff) < 0) {
                throw new IllegalArgumentException("forgotten-after must not be shorter than max-back-off");
            }
        }
    }
}
