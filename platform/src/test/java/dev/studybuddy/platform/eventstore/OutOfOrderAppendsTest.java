package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pooled processor on the event store's engine handles an event stamped before one it has already handled but stored
 * after it, within the look-back window: two commands whose appends finish out of order. With axon-mongo's
 * {@code covers}, after a quiet second the token of the event handled took the later one for covered, and the
 * processor's work package dropped it without a word (the growth benchmark's lost deliveries; docs/adr/0023).
 */
class OutOfOrderAppendsTest {

    private MongoServer server;
    private MongoClient client;
    private EmbeddedEventStore store;
    private PooledStreamingEventProcessor processor;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new IndexedMemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/ordering");
    }

    @AfterEach
    void stopStore() {
        if (processor != null) {
            processor.shutDown();
        }
        if (store != null) {
            store.shutDown();
        }
        client.close();
        server.shutdownNow();
    }

    @Test
    void anEventStampedBeforeOneAlreadyHandledButStoredAfterItIsHandledToo() {
        EventStorageEngine engine = engine();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        List<Object> handled = new CopyOnWriteArrayList<>();
        processor = processorHandingTo(handled);
        Instant now = Instant.now();
        engine.appendEvents(event("long before", now.minusSeconds(60)));
        processor.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("long before"));

        engine.appendEvents(event("stamped later, stored first", now));
        await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("stamped later, stored first"));
        engine.appendEvents(event("stamped earlier, stored second", now.minusMillis(200)));

        await().atMost(Duration.ofSeconds(20))
                .alias("the event stored second, 200 ms earlier by its timestamp, handled")
                .until(() -> handled.contains("stamped earlier, stored second"));
        assertThat(handled)
                .containsExactly("long before", "stamped later, stored first", "stamped earlier, stored second");
    }

    private PooledStreamingEventProcessor processorHandingTo(List<Object> handled) {
        EventMessageHandler handler = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                handled.add(event.getPayload());
                return null;
            }
        };
        return OneSegmentProcessor.over(store, "out-of-order", handler);
    }

    private static EventMessage<?> event(String payload, Instant timestamp) {
        return new GenericDomainEventMessage<>(
                "Group", "group-" + payload.hashCode(), 0, payload, Map.of(), "event-" + payload.hashCode(), timestamp);
    }

    private EventStorageEngine engine() {
        return StandInEngines.engine(
                client,
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/ordering",
                MongoEventStoreConfiguration.DEFAULT_FETCH_BATCH_SIZE);
    }
}
