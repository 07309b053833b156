package dev.studybuddy.platform.messaging;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.listener.Topic;

/**
 * A Redis listener container that hands messages to its listeners one at a time, in the order Redis sent them, on
 * a thread of its own, and whose start does not fail the service when Redis cannot be reached (down, or slow
 * to hand over a connection on a loaded host): it says so and tries again every {@link #RETRY_EVERY} until it
 * listens. What it listens for are hints and live updates, which the services do without for a while.
 */
public class RetryingListenerContainer extends RedisMessageListenerContainer {

    private static final Logger log = LoggerFactory.getLogger(RetryingListenerContainer.class);
    static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    /**
     * How long a start waits for its first subscription (Spring's default is 2 s): on a loaded host the connection
     * alone may take longer.
     */
    private static final Duration SUBSCRIPTION_WAIT = Duration.ofSeconds(15);

    private final String name;
    private final ExecutorService dispatcher;
    private volatile PeriodicTask retries;

    public RetryingListenerContainer(String name) {
        this.name = name;
        setMaxSubscriptionRegistrationWaitingTime(SUBSCRIPTION_WAIT.toMillis());
        // Spring's default starts a thread for every message (a thousand a minute under load, in every service) and
        // so may hand two messages to the listener out of order; one thread keeps the order in which Redis sent them.
        this.dispatcher = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-dispatch-" + name);
            thread.setDaemon(true);
            return thread;
        });
        setTaskExecutor(dispatcher::execute);
    }

    /** A started container that hands every message on {@code topic} to {@code listener}. */
    public static RetryingListenerContainer listening(
            String name, RedisConnectionFactory connectionFactory, MessageListener listener, Topic topic) {
        RetryingListenerContainer container = new RetryingListenerContainer(name);
        container.setConnectionFactory(connectionFactory);
        container.addMessageListener(listener, topic);
        container.afterPropertiesSet();
        container.start();
        return container;
    }

    /** Stops and destroys the container; a failure is only logged (it is shutting down anyway). */
    public void close() {
        try {
            destroy();
        } catch (Exception e) {
            log.debug("Stopping the Redis listener ({}) failed", name, e);
        }
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
        try {
            super.destroy();
        } finally {
            dispatcher.shutdownNow();
        }
    }

    private synchronized void retryLater() {
        if (retries != null) {
            return;
        }
        retries = PeriodicTask.every(RETRY_EVERY, "redis-listen-" + name, this::tryListening);
        retries.start();
    }

    private void tryListening() {
        try {
            super.start();
            log.info("Listening on Redis ({}) again", name);
            stopRetrying();
        } catch (RuntimeException e) {
            log.debug("Listening on Redis ({}) still fails: {}", name, e.toString());
            reset();
        }
    }

    /** Also from a retry that succeeded: its loop ends, the run in progress being that retry. */
    private synchronized void stopRetrying() {
        if (retries != null) {
            retries.stop();
            retries = null;
        }
    }
}
