package dev.studybuddy.command.identity;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes expired refresh tokens ({@link RefreshTokens#purgeExpired}) and expired mailed tokens
 * ({@link AccountTokens#purgeExpired}) every hour on every node, each on a periodic task of its own and in its own
 * transaction; two nodes deleting the same rows do no harm. The first runs are minutes apart, so that a starting
 * node does not do both at once.
 */
@Configuration(proxyBeanMethods = false)
class ExpiredTokenPurges {

    private static final Duration EVERY = Duration.ofHours(1);

    @Bean
    PeriodicTask refreshTokenPurge(RefreshTokens refreshTokens) {
        return PeriodicTask.every(EVERY, "refresh-token-purge", refreshTokens::purgeExpired)
                .firstAfter(Duration.ofMinutes(5));
    }

    @Bean
    PeriodicTask accountTokenPurge(AccountTokens accountTokens) {
        return PeriodicTask.every(EVERY, "account-token-purge", accountTokens::purgeExpired)
                .firstAfter(Duration.ofMinutes(7));
    }
}
