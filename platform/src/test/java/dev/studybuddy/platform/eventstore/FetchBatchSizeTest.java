package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

    private MongoServer server;
    private MongoClient client;
    private final AtomicInteger eventQueries = new AtomicInteger();

    @BeforeEach
    void startStore() {
        server = new MongoServer(new IndexedMemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/batches";
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")
                                && event.getCommand()
                                        .getString("find")
                                        .getValue()
                                        .equals("domainevents")) {
                            eventQueries.incrementAndGet();
                        }
                    }
                })
                .build());
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
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
        eventQueries.set(0);
        try (Stream<? extends TrackedEventMessage<?>> events = engine(100).readEvents(null, false)) {
            events.forEach(event -> read.add(event.getIdentifier()));
        }

        assertThat(eventQueries.get()).isEqualTo(3);
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
        eventQueries.set(0);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            assertThat(events.count()).isEqualTo(expectedEvents);
        }
        return eventQueries.get();
    }

    private EventStorageEngine engine(int fetchBatchSize) {
        return StandInEngines.engine(
                client, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/batches", fetchBatchSize);
    }
}
