package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Two stores on one storage stand for two processes on one MongoDB. Each polls the storage only every minute,
 * so the other's events reach it in time only through the announcements, over the real local Redis.
 */
class AppendAnnouncementsIT {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final PromptEventStore appending = store();
    private final PromptEventStore reading = store();
    private final String channel = "studybuddy:test:events:appended:" + UUID.randomUUID();
    private LettuceConnectionFactory redis;
    private AppendAnnouncements appendingAnnounces;
    private AppendAnnouncements readingListens;

    @BeforeEach
    void connect() {
        redis = new LettuceConnectionFactory("127.0.0.1", 6379);
        redis.afterPropertiesSet();
        redis.start();
    }

    @AfterEach
    void stop() {
        for (AppendAnnouncements announcements : new AppendAnnouncements[] {appendingAnnounces, readingListens}) {
            if (announcements != null) {
                announcements.stop();
            }
        }
        appending.shutDown();
        reading.shutDown();
        redis.destroy();
    }

    @Test
    void aStoreLooksForNewEventsAtOnceWhenAnotherAnnouncesItsAppends() throws Exception {
        appendingAnnounces = started(appending);
        readingListens = started(reading);
        BlockingStream<TrackedEventMessage<?>> stream = idleStreamOf(reading);

        appending.publish(GenericEventMessage.asEventMessage("from the other node"));

        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("from the other node");
        stream.close();
    }

    @Test
    void withoutAnnouncementsTheEventWaitsForTheNextPoll() throws Exception {
        readingListens = started(reading);
        BlockingStream<TrackedEventMessage<?>> stream = idleStreamOf(reading);

        appending.publish(GenericEventMessage.asEventMessage("unannounced"));

        assertThat(stream.hasNextAvailable(2, TimeUnit.SECONDS)).isFalse();
        stream.close();
    }

    @Test
    void appendsDuringTheGatherIntervalAreAnnouncedTogetherAndAllArrive() throws Exception {
        AtomicInteger announcements = new AtomicInteger();
        RedisMessageListenerContainer counting = new RedisMessageListenerContainer();
        counting.setConnectionFactory(redis);
        counting.addMessageListener((message, pattern) -> announcements.incrementAndGet(), new ChannelTopic(channel));
        counting.afterPropertiesSet();
        counting.start();
        try {
            appendingAnnounces = started(appending, Duration.ofSeconds(1));
            readingListens = started(reading);
            BlockingStream<TrackedEventMessage<?>> stream = idleStreamOf(reading);

            for (int i = 0; i < 20; i++) {
                appending.publish(GenericEventMessage.asEventMessage("message " + i));
                Thread.sleep(10); // ungathered, each append would be announced on its own
            }

            for (int i = 0; i < 20; i++) {
                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("message " + i);
            }
            stream.close();
            // the first append at once, the other 19 together after the interval
            assertThat(announcements.get()).isBetween(1, 2);
        } finally {
            counting.stop();
            counting.destroy();
        }
    }

    private PromptEventStore store() {
        return PromptEventStore.over(storage, builder -> builder.fetchDelay(60_000));
    }

    private AppendAnnouncements started(PromptEventStore store) throws InterruptedException {
        return started(store, Duration.ZERO);
    }

    private AppendAnnouncements started(PromptEventStore store, Duration gather) throws InterruptedException {
        AppendAnnouncements announcements = new AppendAnnouncements(store, redis, channel, gather);
        announcements.start();
        Thread.sleep(500); // the listener subscribes asynchronously
        return announcements;
    }

    /** A stream that has found nothing, so its store now waits a whole fetch delay before looking again. */
    private static BlockingStream<TrackedEventMessage<?>> idleStreamOf(PromptEventStore store)
            throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }
}
