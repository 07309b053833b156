package dev.studybuddy.command.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Attempts allowed at register, login and refresh, counted separately for each action, per client
 * address and per user name.
 */
@ConfigurationProperties("studybuddy.rate-limits")
record RateLimitProperties(@DefaultValue({"30", "1m"}) Limit perAddress,
                           @DefaultValue({"10", "1m"}) Limit perUsername) {

    record Limit(int attempts, Duration per) {
    }
}
