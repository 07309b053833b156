package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.StorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tracking through the window-sharing strategy reads what axon-mongo's own strategy reads, batch by batch, with
 * tokens of the same timestamp and window: a dense history on the stand-in, with events stored late (older than events stored before them),
 * and a batch fetched from a token that has come back from the token store as JSON.
 */
class WindowSharingStorageStrategyTest {

    private static final Duration LOOK_BACK = Duration.ofMillis(200);
    private static final JacksonSerializer JSON = JacksonSerializer.defaultSerializer();

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> events;
    private MongoCollection<Document> snapshots;
    private MongoEventStorageEngine engine;
    private final List<GenericDomainEventMessage<String>> history = new ArrayList<>();

    @BeforeEach
    void startStore() {
        server = new MongoServer(new IndexedMemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        DefaultMongoTemplate template =
                DefaultMongoTemplate.builder().mongoDatabase(client, "windows").build();
        engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(axonMongos())
                .eventSerializer(JSON)
                .snapshotSerializer(JSON)
                .build();
        engine.ensureIndexes();
        Random random = new Random(12);
        Instant start = Instant.parse("2026-12-04T04:00:00Z");
        for (int i = 0; i < 1_500; i++) {
            // about 3 events a millisecond; one in 40 stored late, up to 300 ms older than its neighbours
            long at = i / 3 - (random.nextInt(40) == 0 ? random.nextInt(300) : 0);
            history.add(new GenericDomainEventMessage<>(
                    "Group", "group-" + i, 0, "event " + i, Map.of(), "event-" + i, start.plusMillis(at)));
        }
        events = template.eventCollection();
        snapshots = template.snapshotCollection();
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void makesAnIndexForItsFetchThatEndsWithTheEventId() {
        new WindowSharingStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK)
                .ensureIndexes(events, snapshots);

        assertThat(events.listIndexes())
                .filteredOn(index -> index.getString("name").equals(WindowSharingStorageStrategy.TRACKING_INDEX))
                .singleElement()
                .satisfies(index -> assertThat(index.get("key", Document.class))
                        .isEqualTo(new Document("timestamp", 1)
                                .append("sequenceNumber", 1)
                                .append("eventIdentifier", 1)));
    }

    /** With its index the store leaves the events the token has seen out from the index keys: the same answers. */
    @ParameterizedTest(name = "with the tracking index: {0}")
    @ValueSource(booleans = {false, true})
    void readsWhatAxonMongosStrategyReadsWithTheSameTokens(boolean trackingIndex) {
        StorageStrategy axon = axonMongos();
        StorageStrategy sharing = new WindowSharingStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK);
        if (trackingIndex) {
            sharing.ensureIndexes(events, snapshots);
        }
        TrackingToken axonToken = null;
        TrackingToken sharingToken = null;
        int read = 0;
        int batch = 0;
        for (int from = 0; from < history.size(); from += 100) {
            engine.appendEvents(history.subList(from, from + 100)); // then tracked up to it, as a live processor
            while (true) {
                List<? extends TrackedEventData<?>> expected = axon.findTrackedEvents(events, axonToken, 64);
                List<? extends TrackedEventData<?>> actual = sharing.findTrackedEvents(events, sharingToken, 64);
                assertThat(ids(actual)).as("batch %d", batch).isEqualTo(ids(expected));
                for (int i = 0; i < expected.size(); i++) {
                    MongoTrackingToken token =
                            (MongoTrackingToken) actual.get(i).trackingToken();
                    assertThat(token).isInstanceOf(FastCoveringMongoTrackingToken.class);
                    assertThat(MongoTrackingToken.of(token.getTimestamp(), token.getTrackedEvents()))
                            .as("batch %d, event %d", batch, i)
                            .isEqualTo(expected.get(i).trackingToken());
                }
                if (expected.isEmpty()) {
                    break;
                }
                read += expected.size();
                axonToken = expected.get(expected.size() - 1).trackingToken();
                // every third batch goes on from the token as the token store gives it back
                TrackingToken last = actual.get(actual.size() - 1).trackingToken();
                sharingToken = batch++ % 3 == 0 ? JSON.deserialize(JSON.serialize(last, String.class)) : last;
            }
        }
        // most of the late events are found in the look-back window; those later than it are missed by both
        assertThat(read).isBetween(1_450, 1_500);
    }

    private static StorageStrategy axonMongos() {
        return new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK);
    }

    private static List<String> ids(List<? extends TrackedEventData<?>> batch) {
        return batch.stream().map(TrackedEventData::getEventIdentifier).toList();
    }
}
