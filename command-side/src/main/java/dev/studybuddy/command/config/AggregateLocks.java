package dev.studybuddy.command.config;

import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * The lock an aggregate's repository holds on the aggregate for the length of a command: Axon's pessimistic lock, the
 * one it builds by default, but a waiting command looks for a deadlock every 500 ms instead of every 10 ms.
 * <p>
 * A command that waits for another on the same aggregate (two members posting in one group) gets the lock the moment
 * it is released either way; the interval is only how often the waiting thread wakes up to check that it is not part
 * of a cycle of threads each waiting for a lock another holds. Axon's 10 ms woke each waiting request thread about
 * ten times per group message in the growth benchmark: 92% of the parks of command-side's request threads (benchmark
 * log, twenty-ninth session). No command here waits for one aggregate while holding another in the other order (a
 * group or friendship reads a user account, never the reverse), so the check is a safety net. 120 attempts keep
 * Axon's 60 s before a waiting command gives up.
 */
@Configuration
public class AggregateLocks {

    public static final String LOCK_FACTORY = "aggregateLockFactory";

    /** A factory of its own for each aggregate type that names it, as Axon gives each repository its own. */
    @Bean(LOCK_FACTORY)
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    public LockFactory aggregateLockFactory() {
        return PessimisticLockFactory.builder()
                .lockAttemptTimeout(500)
                .acquireAttempts(120)
                .build();
    }
}
