package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventArrivalSignalTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final EventArrivalSignal signal = new EventArrivalSignal(store);

    @AfterEach
    void stop() {
        signal.close();
        store.shutDown();
    }

    @Test
    void anOpenStreamIsCalledBackWhenEventsArriveAndNoLongerOnceClosed() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = signal.openStream(null);
        CountDownLatch called = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(() -> {
                    calls.incrementAndGet();
                    called.countDown();
                }))
                .as("the stream accepts a callback, so the processor does not fall back to polling")
                .isTrue();
        Thread.sleep(200);
        assertThat(calls).as("nothing arrived yet").hasValue(0);

        store.publish(GenericEventMessage.asEventMessage("first"));

        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");

        stream.close();
        int before = calls.get();
        store.publish(GenericEventMessage.asEventMessage("second"));
        BlockingStream<TrackedEventMessage<?>> later = signal.openStream(null);
        CountDownLatch laterCalled = new CountDownLatch(1);
        later.setOnAvailableCallback(laterCalled::countDown);
        store.publish(GenericEventMessage.asEventMessage("third"));
        assertThat(laterCalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).as("a closed stream is not called back").hasValue(before);
        later.close();
    }

    /**
     * The first event after a processor has caught up reaches it although nothing else follows. Here the store's head
     * answers slowly to any thread but the test's, so a watcher that looked for the head from a thread of its own
     * would begin tailing only after that event, from a newer position than the processor's; the embedded store's
     * producer would then fetch from there, and the processor's stream would wait for the event for good.
     */
    @Test
    void theFirstEventAfterAProcessorCaughtUpReachesItWithoutAnotherEventAfterIt() throws Exception {
        Thread testThread = Thread.currentThread();
        CountDownLatch appended = new CountDownLatch(1);
        SnapshotReadingStorage slowHead = new SnapshotReadingStorage() {
            @Override
            public TrackingToken createHeadToken() {
                if (Thread.currentThread() != testThread) {
                    awaitQuietly(appended);
                }
                return super.createHeadToken();
            }
        };
        EmbeddedEventStore slowStore = EmbeddedEventStore.builder()
                .storageEngine(slowHead)
                .fetchDelay(100)
                .build();
        EventArrivalSignal slowSignal = new EventArrivalSignal(slowStore);
        try {
            slowStore.publish(GenericEventMessage.asEventMessage("before"));
            BlockingStream<TrackedEventMessage<?>> stream = slowSignal.openStream(null);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");

            slowStore.publish(GenericEventMessage.asEventMessage("after"));
            appended.countDown();
            Thread.sleep(300); // time for a watcher on its own thread to begin tailing before the processor does

            assertThat(nextWithin(stream, Duration.ofSeconds(5)))
                    .as("the event after the one the processor read")
                    .isEqualTo("after");
            stream.close();
        } finally {
            slowSignal.close();
            slowStore.shutDown();
        }
    }

    /**
     * Axon's pooled processor tells its stream which event types it never handles; the stream then spares it the
     * wake-ups for them, and the processor still passes them (its token reaches the head with no event it handles
     * after them) and still handles the events it does at once.
     */
    @Test
    void aProcessorSaysWhichEventsItNeverHandlesAndStillPassesThem() {
        List<Object> handled = new CopyOnWriteArrayList<>();
        List<SignalledStream> opened = new CopyOnWriteArrayList<>();
        PooledStreamingEventProcessor processor =
                OneSegmentProcessor.over(new RecordingSource(signal, opened), "integers", new IntegersOnly(handled));
        processor.start();
        try {
            store.publish(GenericEventMessage.asEventMessage("words"));
            await().atMost(Duration.ofSeconds(10))
                    .alias("the processor told its stream it never handles a String")
                    .until(() -> opened.stream().anyMatch(stream -> stream.skips(String.class)));

            for (int i = 0; i < 20; i++) {
                store.publish(GenericEventMessage.asEventMessage("more words " + i));
            }
            TrackingToken head = store.createHeadToken();
            await().atMost(Duration.ofSeconds(10))
                    .alias("the processor passed the events it never handles")
                    .until(() -> processor.processingStatus().values().stream()
                            .allMatch(status -> status.getTrackingToken() != null
                                    && status.getTrackingToken().covers(head)));

            store.publish(GenericEventMessage.asEventMessage(42));
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains(42));
            assertThat(handled).containsExactly(42);
        } finally {
            processor.shutDown();
        }
    }

    private record IntegersOnly(List<Object> handled) {
        @EventHandler
        void on(Integer number) {
            handled.add(number);
        }
    }

    private record RecordingSource(EventArrivalSignal signal, List<SignalledStream> opened)
            implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            SignalledStream stream = (SignalledStream) signal.openStream(trackingToken);
            opened.add(stream);
            return stream;
        }

        @Override
        public TrackingToken createTailToken() {
            return signal.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return signal.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return signal.createTokenAt(dateTime);
        }
    }

    private static Object nextWithin(BlockingStream<TrackedEventMessage<?>> stream, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                return stream.nextAvailable().getPayload();
            }
        }
        return null;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
