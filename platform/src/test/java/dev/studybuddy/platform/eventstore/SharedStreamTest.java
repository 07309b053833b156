package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Caught-up processors in one JVM share what the store fetches: behind the project's wrappers (the prompt store,
 * the arrival signal) Axon's embedded store still reads new events from storage once for all its streams, so the
 * storage is read as often with eight processors as with one.
 */
class SharedStreamTest {

    private static final int EVENTS = 60;

    @Test
    void eightCaughtUpStreamsReadTheStorageNoMoreOftenThanOne() throws Exception {
        int readsByOne = storageReadsWhileTailing(1);
        int readsByEight = storageReadsWhileTailing(8);

        assertThat(readsByOne).isPositive();
        // Eight streams reading on their own would each read the storage at least once per event they take
        // (8 x EVENTS); shared, the store reads at most about once per event however many streams there are.
        assertThat(readsByEight)
                .as("storage reads with eight streams (one stream: %d)", readsByOne)
                .isLessThan(2 * EVENTS);
    }

    private static int storageReadsWhileTailing(int streams) throws Exception {
        CountingStorage storage = new CountingStorage();
        PromptEventStore store = new PromptEventStore(
                EmbeddedEventStore.builder().storageEngine(storage).fetchDelay(100));
        EventArrivalSignal signal = new EventArrivalSignal(store);
        List<BlockingStream<TrackedEventMessage<?>>> open = new ArrayList<>();
        try {
            store.publish(GenericEventMessage.asEventMessage("before"));
            for (int i = 0; i < streams; i++) {
                BlockingStream<TrackedEventMessage<?>> stream = signal.openStream(null);
                drain(stream, 1);
                open.add(stream);
            }
            storage.reads.set(0);
            for (int i = 0; i < EVENTS; i++) {
                store.publish(GenericEventMessage.asEventMessage("event " + i));
                for (BlockingStream<TrackedEventMessage<?>> stream : open) {
                    drain(stream, 1);
                }
            }
            return storage.reads.get();
        } finally {
            open.forEach(BlockingStream::close);
            signal.close();
            store.shutDown();
        }
    }

    private static void drain(BlockingStream<TrackedEventMessage<?>> stream, int events) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        for (int read = 0; read < events; read++) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            stream.nextAvailable();
            assertThat(Instant.now()).isBefore(deadline);
        }
    }

    private static final class CountingStorage extends InMemoryEventStorageEngine {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }
    }
}
