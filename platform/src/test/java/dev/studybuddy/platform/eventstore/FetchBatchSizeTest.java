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

/** The fetch batch size reaches the engine: a stream reads as many events per query of the store as it says. */
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
    void aStreamReadsTheHistoryInBatchesOfTheConfiguredSize() {
        EventStorageEngine small = engine(100);
        List<EventMessage<?>> history = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(600);
        for (int i = 0; i < EVENTS; i++) {
            // ten seconds apart: no event is in another's look-back window
            history.add(new GenericDomainEventMessage<>(
                    "Group", "group-" + i, 0, "event " + i, Map.of(), "event-" + i, start.plusSeconds(i * 10L)));
        }
        small.appendEvents(history);

        // a tracked stream ends at a query that finds nothing
        assertThat(queriesToRead(small)).isEqualTo(4); // 100, 100, 50, none
        assertThat(queriesToRead(engine(1_000))).isEqualTo(2); // 250, none
    }

    private int queriesToRead(EventStorageEngine engine) {
        eventQueries.set(0);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            assertThat(events.count()).isEqualTo(EVENTS);
        }
        return eventQueries.get();
    }

    private EventStorageEngine engine(int fetchBatchSize) {
        return StandInEngines.engine(
                client, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/batches", fetchBatchSize);
    }
}
