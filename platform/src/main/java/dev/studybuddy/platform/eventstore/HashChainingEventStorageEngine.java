package dev.studybuddy.platform.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.platform.audit.EventHashChain;
import dev.studybuddy.platform.audit.StoredEvent;
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
 * <p>
 * The newest link of the streams this engine appended to last is remembered ({@link #RECENT_STREAMS} of them),
 * so a busy stream's next append needs no read of its predecessor: the remembered link is used only if it is the
 * event just before the new one, and it is forgotten when an append of that stream fails. What is given up: an
 * event that the store lost after acknowledging it (on MongoDB, only a write without majority concern can be) is
 * no longer refused at this node's next append; the chain's verification still reports the gap. A redaction that
 * relinks streams ({@code PlainTextRedaction}) makes this node forget what it remembers; an event another node
 * appends on a former head is relinked by the redaction's next run, as one appended while it ran.
 */
public class HashChainingEventStorageEngine extends DelegatingEventStorageEngine {

    static final int RECENT_STREAMS = 10_000;

    private final Serializer eventSerializer;
    private final StoredEventLookup storedEvents;
    private final Map<String, Link> newestLinks = Caffeine.newBuilder()
            .maximumSize(RECENT_STREAMS)
            .<String, Link>build()
            .asMap();

    /** The hash of event {@code sequence} of a stream. */
    private record Link(long sequence, String hash) {}

    /** Finds the stored event with a sequence number of a stream. */
    @FunctionalInterface
    public interface StoredEventLookup {
        Optional<StoredEvent> at(String aggregateId, long sequence);

        static StoredEventLookup of(StoredEvents events) {
            return events::at;
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
        Map<String, Link> lastLinks = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            chained.add(event instanceof DomainEventMessage<?> domainEvent ? chain(domainEvent, lastLinks) : event);
        }
        try {
            delegate.appendEvents(chained);
        } catch (RuntimeException e) {
            lastLinks.keySet().forEach(newestLinks::remove);
            throw e;
        }
        newestLinks.putAll(lastLinks);
    }

    /** Forgets the remembered links: the next append of every stream reads its predecessor from the store. */
    public void forgetNewestLinks() {
        newestLinks.clear();
    }

    private DomainEventMessage<?> chain(DomainEventMessage<?> event, Map<String, Link> lastLinks) {
        String aggregateId = event.getAggregateIdentifier();
        String previous = lastLinks.containsKey(aggregateId)
                ? lastLinks.get(aggregateId).hash()
                : previousHash(aggregateId, event.getSequenceNumber());
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
        lastLinks.put(aggregateId, new Link(event.getSequenceNumber(), hash));
        return new SerializedOnce<>(
                event.andMetaData(Map.of(EventHashChain.HASH, hash, EventHashChain.PREVIOUS_HASH, previous)),
                eventSerializer,
                payload);
    }

    private String previousHash(String aggregateId, long sequence) {
        Link newest = newestLinks.get(aggregateId);
        return newest != null && newest.sequence() == sequence - 1
                ? newest.hash()
                : previousStoredHash(aggregateId, sequence);
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
        StoredEvent previous = storedEvents
                .at(aggregateId, sequence - 1)
                .orElseThrow(() -> new ConcurrencyException("Stream " + aggregateId + " has no event " + (sequence - 1)
                        + " to append " + sequence + " after"));
        return previous.hash() == null ? EventHashChain.GENESIS : previous.hash();
    }
}
