package dev.studybuddy.command.identity;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes expired refresh tokens ({@link RefreshTokens#purgeExpired}) and expired mailed tokens
 * ({@link AccountTokens#purgeExpired}) every hour on every node, each on a {@link PeriodicTask} of its own and in
 * its own transaction; two nodes deleting the same rows do no harm. The first runs are minutes apart, so that a
 * starting node does not do both at once.
 */
@Component
class ExpiredTokenPurges implements SmartLifecycle {

    private static final Duration EVERY = Duration.ofHours(1);

    private final List<PeriodicTask> purges;

    ExpiredTokenPurges(RefreshTokens refreshTokens, AccountTokens accountTokens) {
        this.purges = List.of(
                PeriodicTask.every(EVERY, "refresh-token-purge", refreshTokens::purgeExpired)
                        .firstAfter(Duration.ofMinutes(5)),
                PeriodicTask.every(EVERY, "account-token-purge", accountTokens::purgeExpired)
                        .firstAfter(Duration.ofMinutes(7)));
    }

    @Override
    public void start() {
        purges.forEach(PeriodicTask::start);
    }

    @Override
    public void stop() {
        purges.forEach(PeriodicTask::stop);
    }

    @Override
    public boolean isRunning() {
        return purges.get(0).isRunning();
    }
}
