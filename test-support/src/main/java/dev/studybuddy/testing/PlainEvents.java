package dev.studybuddy.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import dev.studybuddy.platform.audit.EventHashChain;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.eventstore.HashChainingEventStorageEngine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Puts streams back the way the event store held them before personal fields were sealed (docs/adr/0019): the same
 * events (ids, sequence numbers, times, metadata) with every personal field in clear text, hash-chained as the store
 * chained them then. For tests of what happens to such events.
 */
public final class PlainEvents {

    private final EventStore eventStore;
    private final MongoTemplate template;
    private final EventStorageEngine plainEngine;

    /**
     * @param objectMapper the application's object mapper (it has no personal data module: only the event serializer's
     *                     copy of it does)
     */
    public PlainEvents(
            EventStore eventStore, MongoTemplate template, StoredEvents storedEvents, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.template = template;
        Serializer plain =
                JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
        MongoEventStorageEngine mongo = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(new DocumentPerEventStorageStrategy(
                        EventEntryConfiguration.getDefault(), Duration.ofSeconds(1)))
                .eventSerializer(plain)
                .snapshotSerializer(plain)
                .build();
        this.plainEngine = new HashChainingEventStorageEngine(
                mongo, plain, HashChainingEventStorageEngine.StoredEventLookup.of(storedEvents));
    }

    /** Stores the stream's events again, as they read now, in clear text (its snapshots are dropped). */
    public void storeInClearText(String aggregateId) {
        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(aggregateId, 0).asStream().toList();
        template.eventCollection().deleteMany(Filters.eq("aggregateIdentifier", aggregateId));
        template.snapshotCollection().deleteMany(Filters.eq("aggregateIdentifier", aggregateId));
        plainEngine.appendEvents(events.stream()
                .<DomainEventMessage<?>>map(event -> new GenericDomainEventMessage<>(
                        event.getType(),
                        event.getAggregateIdentifier(),
                        event.getSequenceNumber(),
                        new GenericMessage<>(
                                event.getIdentifier(),
                                event.getPayload(),
                                event.getMetaData()
                                        .withoutKeys(Set.of(EventHashChain.HASH, EventHashChain.PREVIOUS_HASH))),
                        event.getTimestamp()))
                .toList());
    }
}
