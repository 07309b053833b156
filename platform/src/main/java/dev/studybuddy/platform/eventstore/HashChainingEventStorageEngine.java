package dev.studybuddy.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.platform.audit.EventHashChain;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.personaldata.PersonalDataContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Chains every appended domain event to its predecessor in the aggregate's stream
 * ({@link EventHashChain}), then lets the wrapped engine store it. Per batch it looks up the stored
 * predecessor of each aggregate's first event once and chains through the rest of the batch in memory.
 * A command that loses the race for a sequence number fails on the store's unique (aggregate,
 * sequence) index and is retried by the command side, which reloads the aggregate and appends again:
 * its hashes are then computed afresh from the winner's. Everything else is delegated unchanged.
 */
public class HashChainingEventStorageEngine extends DelegatingEventStorageEngine {

    private final Serializer eventSerializer;
    private final StoredEventLookup storedEvents;

    /**
     * Finds the hash of the stored event with a sequence number of a stream: empty if no such event is stored, the
     * genesis if it is stored without one (appended before the chain existed).
     */
    @FunctionalInterface
    public interface StoredEventLookup {
        Optional<String> hashAt(String aggregateId, long sequence);

        static StoredEventLookup of(StoredEvents events) {
            return (aggregateId, sequence) ->
                    events.metaDataAt(aggregateId, sequence).map(metaData -> hashIn(metaData.get(EventHashChain.HASH)));
        }

        private static String hashIn(JsonNode hash) {
            return hash == null || hash.isNull() ? EventHashChain.GENESIS : hash.asText();
        }
    }

    public HashChainingEventStorageEngine(
            EventStorageEngine delegate, Serializer eventSerializer, StoredEventLookup storedEvents) {
        super(delegate);
        this.eventSerializer = eventSerializer;
        this.storedEvents = storedEvents;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, String> lastHashes = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            chained.add(event instanceof DomainEventMessage<?> domainEvent ? chain(domainEvent, lastHashes) : event);
        }
        delegate.appendEvents(chained);
    }

    private DomainEventMessage<?> chain(DomainEventMessage<?> event, Map<String, String> lastHashes) {
        String aggregateId = event.getAggregateIdentifier();
        String previous = lastHashes.containsKey(aggregateId)
                ? lastHashes.get(aggregateId)
                : previousStoredHash(aggregateId, event.getSequenceNumber());
        Object actor = event.getMetaData().get(MessageMetadata.ACTOR);
        // exactly what the Mongo engine stores: the same serializer, the same text representation, and the very
        // same bytes (sealed personal fields have a random IV, so a second serialization would differ)
        SerializedObject<String> payload =
                PersonalDataContext.withActor(actor, () -> event.serializePayload(eventSerializer, String.class));
        String hash = EventHashChain.link(
                previous,
                payload.getType().getName(),
                payload.getData(),
                event.getSequenceNumber(),
                DateTimeUtils.formatInstant(event.getTimestamp()),
                actor == null ? null : actor.toString());
        lastHashes.put(aggregateId, hash);
        return new SerializedOnce<>(
                event.andMetaData(Map.of(EventHashChain.HASH, hash, EventHashChain.PREVIOUS_HASH, previous)),
                eventSerializer,
                payload);
    }

    /**
     * The hash of the stored event before {@code sequence}; the genesis for a stream's first event or one stored
     * before the chain existed. If that event is not stored, the appender's state is ahead of the store (a cached
     * aggregate that saw a write the store has lost): the append is refused as a lost race, so that the command
     * is retried on the aggregate as the store has it instead of leaving a gap in the stream.
     */
    private String previousStoredHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventHashChain.GENESIS;
        }
        return storedEvents
                .hashAt(aggregateId, sequence - 1)
                .orElseThrow(() -> new ConcurrencyException("Stream " + aggregateId + " has no event " + (sequence - 1)
                        + " to append " + sequence + " after"));
    }
}
