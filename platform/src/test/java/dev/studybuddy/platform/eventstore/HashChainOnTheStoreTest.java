package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import dev.studybuddy.platform.audit.EventHashChain;
import dev.studybuddy.platform.audit.StoredEvent;
import dev.studybuddy.platform.audit.StoredEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The services' event store engine chains each append to its predecessor as the store holds it: the predecessor's
 * hash is read from its stored metadata alone, an event stored before the chain existed counts as the genesis, and an
 * append past an event the store does not have is refused as a lost race.
 */
class HashChainOnTheStoreTest {

    private static final String AGGREGATE = "group-1";

    record Renamed(String name) {}

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;
    private StoredEvents storedEvents;
    private EventStorageEngine engine;
    private final List<BsonDocument> predecessorReads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStore() {
        server = new MongoServer(new IndexedMemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/chain";
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonDocument command = event.getCommand();
                        if (event.getCommandName().equals("find")
                                && command.getString("find").getValue().equals("domainevents")
                                && command.getDocument("filter", new BsonDocument())
                                        .toJson()
                                        .contains("sequenceNumber")) {
                            // the command's buffer is released once sent: keep a copy
                            predecessorReads.add(command.clone());
                        }
                    }
                })
                .build());
        StandInEngines.Store store = StandInEngines.store(client, uri, 100);
        template = store.template();
        storedEvents = store.storedEvents();
        engine = store.engine();
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anAppendLinksToThePredecessorAsStoredReadingOnlyItsMetadata() {
        engine.appendEvents(renamed(0), renamed(1));
        predecessorReads.clear();

        engine.appendEvents(renamed(2));
        List<BsonDocument> readsOfTheAppend = List.copyOf(predecessorReads);

        StoredEvent second = storedEvents.at(AGGREGATE, 1).orElseThrow();
        StoredEvent third = storedEvents.at(AGGREGATE, 2).orElseThrow();
        assertThat(second.hash()).hasSize(64);
        assertThat(third.previousHash()).isEqualTo(second.hash());
        assertThat(readsOfTheAppend)
                .singleElement()
                .satisfies(read -> assertThat(read.getDocument("projection").keySet())
                        .containsExactly(EventEntryConfiguration.getDefault().metaDataProperty()));
    }

    @Test
    void anEventStoredBeforeTheChainExistedCountsAsTheGenesis() {
        template.eventCollection().insertOne(storedWithoutHash(0));

        engine.appendEvents(renamed(1));

        assertThat(storedEvents.at(AGGREGATE, 1).orElseThrow().previousHash()).isEqualTo(EventHashChain.GENESIS);
    }

    @Test
    void anAppendPastAnEventTheStoreDoesNotHaveIsALostRace() {
        engine.appendEvents(renamed(0));

        assertThatThrownBy(() -> engine.appendEvents(renamed(2))).isInstanceOf(ConcurrencyException.class);
        assertThat(storedEvents.at(AGGREGATE, 2)).isEmpty();
    }

    private static GenericDomainEventMessage<Renamed> renamed(long sequence) {
        return new GenericDomainEventMessage<>("Group", AGGREGATE, sequence, new Renamed("name " + sequence));
    }

    /** An event document as the store held them before the chain: metadata without a hash. */
    private static Document storedWithoutHash(long sequence) {
        return new Document("eventIdentifier", "legacy-" + sequence)
                .append("aggregateIdentifier", AGGREGATE)
                .append("sequenceNumber", sequence)
                .append("type", "Group")
                .append("timestamp", "2026-01-01T00:00:00.000Z")
                .append("payloadType", Renamed.class.getName())
                .append("payloadRevision", null)
                .append("serializedPayload", "{\"name\":\"legacy\"}")
                .append("serializedMetaData", "{}");
    }
}
