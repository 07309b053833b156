package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The producer's read right after a read to the end asks the store only when there is news of events; nothing is
 * missed for it.
 */
class RefetchOnNewsEngineTest {

    private QueryCountingStandIn store;
    private EventStorageEngine storage;
    private int appended;

    @BeforeEach
    void startStore() {
        store = new QueryCountingStandIn("news");
        storage = store.engine(100);
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void aReadToTheEndIsNotRepeatedAtOnceWithoutNewsButAtTheReadAfter() {
        RefetchOnNewsEngine engine = new RefetchOnNewsEngine(storage);
        appendElsewhere(3);

        Read first = read(engine, null, true);
        Read second = read(engine, first.end(), true);
        Read third = read(engine, first.end(), true);

        assertThat(first.events()).containsExactly("event-0", "event-1", "event-2");
        assertThat(first.queries()).isEqualTo(1);
        assertThat(second.events()).isEmpty();
        assertThat(second.queries()).isZero();
        assertThat(third.events()).isEmpty();
        assertThat(third.queries()).as("the store's poll asks again").isEqualTo(1);
    }

    @Test
    void newsAfterAReadToTheEndMakesTheNextReadAskTheStore() {
        RefetchOnNewsEngine engine = new RefetchOnNewsEngine(storage);
        appendElsewhere(2);
        Read first = read(engine, null, true);

        appendElsewhere(1);
        engine.eventsMayHaveArrived();
        Read second = read(engine, first.end(), true);

        assertThat(second.events()).containsExactly("event-2");
        assertThat(second.queries()).isEqualTo(1);
    }

    @Test
    void newsWhileAReadIsUnderWayMakesTheNextReadAskTheStore() {
        RefetchOnNewsEngine engine = new RefetchOnNewsEngine(storage);
        appendElsewhere(2);
        TrackingToken end;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, true)) {
            engine.eventsMayHaveArrived(); // the append it announces may have missed the query about to run
            appendElsewhere(1);
            end = events.reduce((older, newer) -> newer).orElseThrow().trackingToken();
        }

        Read next = read(engine, end, true);

        assertThat(next.queries()).isEqualTo(1);
    }

    @Test
    void aReadFromAnotherPositionAsksTheStore() {
        RefetchOnNewsEngine engine = new RefetchOnNewsEngine(storage);
        appendElsewhere(3);
        Read first = read(engine, null, true);

        Read fromStart = read(engine, null, true);

        assertThat(first.events()).hasSize(3);
        assertThat(fromStart.events()).hasSize(3);
        assertThat(fromStart.queries()).isEqualTo(1);
    }

    @Test
    void aProcessorsOwnStreamAlwaysAsksTheStore() {
        RefetchOnNewsEngine engine = new RefetchOnNewsEngine(storage);
        appendElsewhere(3);
        Read first = read(engine, null, false);

        Read second = read(engine, first.end(), false);

        assertThat(second.queries()).isEqualTo(1);
    }

    @Test
    void theStoreDeliversAnEventAppendedElsewhereAtOnceWhenToldAndAtItsNextPollWhenNot() throws Exception {
        appendElsewhere(1);
        PromptEventStore told = PromptEventStore.over(storage, builder -> builder.fetchDelay(60_000));
        PromptEventStore untold = PromptEventStore.over(storage, builder -> builder.fetchDelay(200));
        try (BlockingStream<TrackedEventMessage<?>> toldStream = told.openStream(null);
                BlockingStream<TrackedEventMessage<?>> untoldStream = untold.openStream(null)) {
            assertThat(next(toldStream, 5_000)).isEqualTo("event-0");
            assertThat(next(untoldStream, 5_000)).isEqualTo("event-0");
            Thread.sleep(300); // both producers have read to the end and wait

            appendElsewhere(1);
            told.lookForNewEvents();

            assertThat(next(toldStream, 2_000)).as("told: read at once").isEqualTo("event-1");
            assertThat(next(untoldStream, 2_000))
                    .as("not told: read at the next poll")
                    .isEqualTo("event-1");
        } finally {
            told.shutDown();
            untold.shutDown();
        }
    }

    private String next(BlockingStream<TrackedEventMessage<?>> stream, int timeoutMillis) throws InterruptedException {
        return stream.hasNextAvailable(timeoutMillis, TimeUnit.MILLISECONDS)
                ? stream.nextAvailable().getIdentifier()
                : null;
    }

    private record Read(List<String> events, TrackingToken end, int queries) {}

    private Read read(EventStorageEngine engine, TrackingToken from, boolean mayBlock) {
        store.takeEventQueries();
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, mayBlock)) {
            List<? extends TrackedEventMessage<?>> read = events.toList();
            TrackingToken end =
                    read.isEmpty() ? from : read.get(read.size() - 1).trackingToken();
            return new Read(
                    read.stream().map(TrackedEventMessage::getIdentifier).toList(), end, store.takeEventQueries());
        }
    }

    /** As another process appends: straight into the storage, with no news to this engine. */
    private void appendElsewhere(int count) {
        for (int i = 0; i < count; i++) {
            int number = appended++;
            storage.appendEvents(new GenericDomainEventMessage<>(
                    "Group", "group-" + number, 0, "event " + number, Map.of(), "event-" + number, Instant.now()));
        }
    }
}
