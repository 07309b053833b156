package dev.studybuddy.platform.eventstore;

import dev.studybuddy.platform.messaging.RetryingListenerContainer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;

/**
 * Tells every node that shares the event store, over Redis pub/sub, that this node has appended events, and
 * makes this node's store look for new events when another one says so. Without it a node sees another's events
 * only at its store's next poll, up to {@code fetch-delay} later (on every chat message from command-side to the
 * WebSocket nodes). An announcement is only a hint: one lost, or Redis down, costs at most that poll interval.
 * Announcing never holds up an append: appends only mark one as due, and one thread of its own publishes it,
 * one announcement for however many appends happened meanwhile.
 * <p>
 * After each announcement the thread waits {@code gather} before the next one. Every announcement makes every
 * node fetch from the store (a query that finds the events, and the producer's next round one that finds nothing:
 * {@link FinalBatchAwareMongoEventStorageEngine}), and each fetch wakes every processor for
 * a batch of its own: under load one announcement per append cost each node as many store queries and processor
 * transactions as there were messages. Gathered, the first append after a quiet spell is announced at once and
 * a busy stream's appends reach the other nodes together, at most {@code gather} later.
 */
public class AppendAnnouncements implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendAnnouncements.class);

    private final PromptEventStore store;
    private final RedisConnectionFactory connectionFactory;
    private final StringRedisTemplate redis;
    private final String channel;
    private final AtomicBoolean due = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Duration gather;
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-append-announcer");
        thread.setDaemon(true);
        return thread;
    });
    private RetryingListenerContainer listener;
    private volatile boolean running;

    public AppendAnnouncements(
            PromptEventStore store, RedisConnectionFactory connectionFactory, String channel, Duration gather) {
        this.store = store;
        this.gather = gather;
        this.connectionFactory = connectionFactory;
        this.redis = new StringRedisTemplate(connectionFactory);
        this.channel = channel;
    }

    private void appended() {
        if (running && due.compareAndSet(false, true)) {
            try {
                publisher.execute(this::announce);
            } catch (RejectedExecutionException stopping) {
                // called after an append's commit: the appender must not fail for it; other nodes poll meanwhile
                log.debug("Not announcing appended events: the node is stopping");
            }
        }
    }

    private void announce() {
        due.set(false); // appends from now on need another announcement
        try {
            redis.convertAndSend(channel, "appended");
            if (failing.compareAndSet(true, false)) {
                log.info("Announcing appended events on Redis works again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn(
                        "Cannot announce appended events on Redis; other nodes see them at their next poll: {}",
                        e.toString());
            }
        }
        gatherNextAppends();
    }

    private void gatherNextAppends() {
        if (gather.isZero() || gather.isNegative()) {
            return;
        }
        try {
            Thread.sleep(gather.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        listener = RetryingListenerContainer.listening(
                "append announcements",
                connectionFactory,
                (message, pattern) -> store.lookForNewEvents(),
                new ChannelTopic(channel));
        running = true;
        store.afterAppending(this::appended);
    }

    @Override
    public void stop() {
        running = false;
        publisher.shutdown();
        if (listener != null) {
            listener.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
