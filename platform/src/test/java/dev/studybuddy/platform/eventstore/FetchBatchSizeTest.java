package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch batch size reaches the engine: a stream reads as many events per query of the store as it says, and ends
 * with the first query that finds fewer ({@link FinalBatchAwareMongoEventStorageEngine}).
 */
class FetchBatchSizeTest {

    private static final int EVENTS = 250;

    private QueryCountingStandIn store;

    @BeforeEach
    void startStore() {
        store = new QueryCountingStandIn("batches");
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void aStreamReadsTheHistoryInBatchesOfTheConfiguredSizeAndEndsWithTheFirstShortOne() {
        appendHistory(EVENTS, Duration.ofSeconds(10)); // no event in another's look-back window

        assertThat(queriesToRead(engine(100), EVENTS)).isEqualTo(3); // 100, 100, 50
        assertThat(queriesToRead(engine(1_000), EVENTS)).isEqualTo(1); // 250
        assertThat(queriesToRead(engine(125), EVENTS)).isEqualTo(3); // 125, 125, none
    }

    @Test
    void eventsWithinEachOthersLookBackWindowAreEachReadOnceInTheSameNumberOfQueries() {
        appendHistory(EVENTS, Duration.ofMillis(1)); // every fetch after the first reads its token's window again

        List<String> read = new ArrayList<>();
        store.takeEventQueries();
        try (Stream<? extends TrackedEventMessage<?>> events = engine(100).readEvents(null, false)) {
            events.forEach(event -> read.add(event.getIdentifier()));
        }

        assertThat(store.takeEventQueries()).isEqualTo(3);
        assertThat(read).hasSize(EVENTS).doesNotHaveDuplicates().first().isEqualTo("event-0");
        assertThat(read).last().isEqualTo("event-" + (EVENTS - 1));
    }

    @Test
    void aStreamOpenedAfterTheEndReadsWhatWasStoredSince() {
        EventStorageEngine engine = engine(100);
        appendHistory(3, Duration.ofSeconds(10));
        TrackedEventMessage<?> newest;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            newest = events.reduce((first, second) -> second).orElseThrow();
        }
        engine.appendEvents(new GenericDomainEventMessage<>(
                "Group", "group-late", 0, "late", Map.of(), "event-late", Instant.now()));

        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(newest.trackingToken(), false)) {
            assertThat(events.map(TrackedEventMessage::getIdentifier)).containsExactly("event-late");
        }
    }

    private void appendHistory(int count, Duration apart) {
        List<EventMessage<?>> history = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(3_600);
        for (int i = 0; i < count; i++) {
            history.add(new GenericDomainEventMessage<>(
                    "Group", "group-" + i, 0, "event " + i, Map.of(), "event-" + i, start.plus(apart.multipliedBy(i))));
        }
        engine(100).appendEvents(history);
    }

    private int queriesToRead(EventStorageEngine engine, int expectedEvents) {
        store.takeEventQueries();
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            assertThat(events.count()).isEqualTo(expectedEvents);
        }
        return store.takeEventQueries();
    }

    private EventStorageEngine engine(int fetchBatchSize) {
        return store.engine(fetchBatchSize);
    }
}
