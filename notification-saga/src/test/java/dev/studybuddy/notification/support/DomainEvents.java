package dev.studybuddy.notification.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Appends events to the shared event store exactly as command-side's aggregates do (domain events of type
 * "Friendship", "Group" or "UserAccount", numbered per aggregate), and waits until this service's processors
 * have claimed their segments (the saga processor starts at the head: an event appended earlier is not seen).
 */
public final class DomainEvents {

    public static final String FRIENDSHIP = "Friendship";
    public static final String GROUP = "Group";
    public static final String USER_ACCOUNT = "UserAccount";

    private final EventStore eventStore;

    public DomainEvents(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> processing.eventProcessors().values().stream()
                        .allMatch(processor -> !(processor instanceof PooledStreamingEventProcessor pooled)
                                || !pooled.processingStatus().isEmpty()));
    }

    /** Appends the aggregate's next event; answers the event's identifier. */
    public String publish(String aggregateType, String aggregateId, Object payload) {
        return publish(aggregateType, aggregateId, payload, Map.of());
    }

    /** As {@link #publish(String, String, Object)}, with the metadata a command would have passed on. */
    public String publish(String aggregateType, String aggregateId, Object payload, Map<String, ?> metaData) {
        long sequence = eventStore
                .lastSequenceNumberFor(aggregateId)
                .map(last -> last + 1)
                .orElse(0L);
        GenericDomainEventMessage<Object> event =
                new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, MetaData.from(metaData));
        eventStore.publish(event);
        return event.getIdentifier();
    }
}
