package dev.studybuddy.platform.security;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes {@link SecurityStamps}' announcements on Redis, in order, from one thread of its own. A publish that fails
 * (Redis out of reach from this node, its connection dropped, a command held past {@code spring.data.redis.timeout})
 * is tried again, after 25 ms and then at most every 250 ms, until it goes out or what it corrects has expired on
 * every node (its {@code relevantFor}, from when it was announced). The other nodes' subscriptions may well be up all
 * along, and without the retry they would trust what they hold until it expired.
 */
final class StampAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(StampAnnouncer.class);

    /** The longest pause is short enough that an announcement goes out within a second of Redis being back. */
    private static final ExponentialBackOff PAUSES = pauses();

    private final StringRedisTemplate redis;
    private final String channel;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "security-stamp-announcer");
        thread.setDaemon(true);
        return thread;
    });

    StampAnnouncer(StringRedisTemplate redis, String channel) {
        this.redis = redis;
        this.channel = channel;
    }

    void publish(String announcement, Duration relevantFor) {
        long giveUpAt = System.nanoTime() + relevantFor.toNanos();
        try {
            publisher.execute(() -> publishUntil(announcement, relevantFor, giveUpAt));
        } catch (RejectedExecutionException stopped) {
            log.warn(
                    "Not announcing \"{}\": the node is stopping; other nodes notice within {}",
                    announcement,
                    relevantFor);
        }
    }

    private void publishUntil(String announcement, Duration relevantFor, long giveUpAtNanos) {
        BackOffExecution pauses = PAUSES.start();
        while (true) {
            try {
                redis.convertAndSend(channel, announcement);
                if (failing.compareAndSet(true, false)) {
                    log.info("Announcing security stamps on Redis works again");
                }
                return;
            } catch (RuntimeException e) {
                if (failing.compareAndSet(false, true)) {
                    log.warn(
                            "Cannot announce security stamps on Redis; trying again for up to {}: {}",
                            relevantFor,
                            e.toString());
                }
            }
            long pause = pauses.nextBackOff();
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) - giveUpAtNanos > 0) {
                log.warn("Gave up announcing \"{}\"; what other nodes held before it has expired by now", announcement);
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What is queued goes out while Redis is still there; a retry does not hold the shutdown for long. */
    void stop() {
        publisher.shutdown();
        try {
            if (!publisher.awaitTermination(2, TimeUnit.SECONDS)) {
                publisher.shutdownNow();
            }
        } catch (InterruptedException e) {
            publisher.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Doubling from 25 ms to 250 ms, for as long as the caller's deadline allows. */
    private static ExponentialBackOff pauses() {
        ExponentialBackOff backOff = new ExponentialBackOff(25, 2.0);
        backOff.setMaxInterval(250);
        return backOff;
    }
}
