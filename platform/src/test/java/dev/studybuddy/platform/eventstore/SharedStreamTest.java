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
import org.junit.jupiter.api.Test;

/**
 * Caught-up processors in one JVM share what the store fetches: behind the project's wrappers (the prompt store,
 * the arrival signal) Axon's embedded store still reads new events from storage once for all its streams, so the
 * storage gives out each event about once with eight processors as with one. The storage here answers each
 * {@code readEvents} with the events stored at that moment, as a database's query does ({@link SnapshotReadingStorage}),
 * and counts them: over the in-memory storage's live stream the calls alone proved nothing.
 */
class SharedStreamTest {

    private static final int EVENTS = 60;

    @Test
    void eightCaughtUpStreamsReadTheStorageNoMoreOftenThanOne() throws Exception {
        int readByOne = eventsReadFromStorageWhileTailing(1);
        int readByEight = eventsReadFromStorageWhileTailing(8);

        assertThat(readByOne)
                .as("every event reaches the one stream from the storage")
                .isGreaterThanOrEqualTo(EVENTS);
        // Eight streams reading on their own would each take every event from the storage (8 x EVENTS); shared, the
        // store takes each about once however many streams there are.
        assertThat(readByEight)
                .as("events read from the storage with eight streams (one stream: %d)", readByOne)
                .isLessThan(2 * EVENTS);
    }

    private static int eventsReadFromStorageWhileTailing(int streams) throws Exception {
        CountingStorage storage = new CountingStorage();
        PromptEventStore store = PromptEventStore.over(storage, builder -> builder.fetchDelay(100));
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

    /**
     * Waits in short steps, as a processor does: the embedded store's stream can miss a wake-up (it checks for the
     * next event, then waits, and an event that arrives in between wakes no one), so one long wait can run out with
     * the event already there. A CI run failed that way.
     */
    private static void drain(BlockingStream<TrackedEventMessage<?>> stream, int events) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        for (int read = 0; read < events; read++) {
            while (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                assertThat(Instant.now()).as("an event arrived within 10 s").isBefore(deadline);
            }
            stream.nextAvailable();
        }
    }

    private static final class CountingStorage extends SnapshotReadingStorage {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            List<? extends TrackedEventMessage<?>> fetched =
                    super.readEvents(trackingToken, mayBlock).toList();
            reads.addAndGet(fetched.size());
            return fetched.stream();
        }
    }
}
