package dev.studybuddy.platform.eventstore;

import com.mongodb.client.MongoClient;
import dev.studybuddy.platform.audit.AuditProperties;
import dev.studybuddy.platform.audit.StoredEvents;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

/** The services' event store engine, without the late-append report, on a test's in-memory stand-in. */
final class StandInEngines {

    /** The engine with what it was built on, for a test that also reads or writes the store beside it. */
    record Store(MongoTemplate template, StoredEvents storedEvents, EventStorageEngine engine) {}

    private StandInEngines() {}

    /** @param uri the stand-in's address with the database, as {@code client} was made from */
    static EventStorageEngine engine(MongoClient client, String uri, int fetchBatchSize) {
        return store(client, uri, fetchBatchSize).engine();
    }

    /** @param uri the stand-in's address with the database, as {@code client} was made from */
    static Store store(MongoClient client, String uri, int fetchBatchSize) {
        MongoProperties properties = new MongoProperties();
        properties.setUri(uri);
        MongoEventStoreConfiguration configuration = new MongoEventStoreConfiguration();
        MongoTemplate template = configuration.axonMongoTemplate(client, properties);
        StoredEvents storedEvents = configuration.storedEvents(template, new AuditProperties(500));
        return new Store(
                template,
                storedEvents,
                configuration.engineWithoutLateAppendReport(
                        template,
                        storedEvents,
                        JacksonSerializer.defaultSerializer(),
                        new StaticListableBeanFactory().getBeanProvider(EventUpcaster.class),
                        fetchBatchSize));
    }
}
