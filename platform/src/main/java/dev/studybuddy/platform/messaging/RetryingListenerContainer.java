package dev.studybuddy.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Redis listener container whose start does not fail the service when Redis cannot be reached (down, or slow
 * to hand over a connection on a loaded host): it says so and tries again every {@link #RETRY_EVERY} until it
 * listens. What it listens for are hints and live updates, which the services do without for a while.
 */
public class RetryingListenerContainer extends RedisMessageListenerContainer {

    private static final Logger log = LoggerFactory.getLogger(RetryingListenerContainer.class);
    static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final String name;
    private volatile ScheduledExecutorService retries;

    public RetryingListenerContainer(String name) {
        this.name = name;
        setMaxSubscriptionRegistrationWaitingTime(RedisSubscriptions.WAIT.toMillis());
    }

    @Override
    public void start() {
        try {
            super.start();
        } catch (RuntimeException e) {
            log.warn("Listening on Redis ({}) failed, trying again every {}: {}", name, RETRY_EVERY, e.toString());
            reset();
            retryLater();
        }
    }

    /** Spring's container counts a start that failed as started: it is stopped, so that the next start tries again. */
    private void reset() {
        try {
            super.stop();
        } catch (RuntimeException e) {
            log.debug("Resetting the Redis listener ({}) failed: {}", name, e.toString());
        }
    }

    @Override
    public void stop() {
        stopRetrying();
        super.stop();
    }

    @Override
    public void destroy() throws Exception {
        stopRetrying();
        super.destroy();
    }

    private synchronized void retryLater() {
        if (retries != null) {
            return;
        }
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-listen-" + name);
            thread.setDaemon(true);
            return thread;
        });
        retries.scheduleWithFixedDelay(() -> {
            try {
                super.start();
                log.info("Listening on Redis ({}) again", name);
                stopRetrying();
            } catch (RuntimeException e) {
                log.debug("Listening on Redis ({}) still fails: {}", name, e.toString());
                reset();
            }
        }, RETRY_EVERY.toMillis(), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void stopRetrying() {
        if (retries != null) {
            retries.shutdownNow();
            retries = null;
        }
    }
}
