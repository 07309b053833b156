package dev.studybuddy.query.consistency;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Which stored events a projection takes in, asked of its processor's handlers. A projection's position moves
 * only with the events it takes in, so it need not take in the others of an aggregate's stream (a group's messages,
 * for {@code groups}; a message without attachments, for {@code files}) to tell a reader that its view has them
 * ({@link ConsistencyWait}); each event taken in costs a transaction on the node that holds its segment.
 * Where it cannot be known (no such processor, a type no class answers to, an event no longer stored) the answer is
 * yes, so that a reader waits rather than reads too early.
 */
@Component
class ProjectionInterests {

    private final EventProcessingConfiguration processing;
    private final Serializer eventSerializer;
    private final EventStore eventStore;
    private final Map<String, Boolean> typesTaken = new ConcurrentHashMap<>();

    ProjectionInterests(
            EventProcessingConfiguration processing,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            EventStore eventStore) {
        this.processing = processing;
        this.eventSerializer = eventSerializer;
        this.eventStore = eventStore;
    }

    /**
     * Whether the projection takes in some events stored with payload type {@code payloadType} (it may take in only
     * some of them: {@link #takes}).
     */
    boolean takesType(String processingGroup, String payloadType) {
        return typesTaken.computeIfAbsent(
                processingGroup + '\n' + payloadType, key -> decideType(processingGroup, payloadType));
    }

    /** Whether the projection takes in the stored event of stream {@code aggregateId} with that sequence number. */
    boolean takes(String processingGroup, String aggregateId, long sequence) {
        Optional<AbstractEventProcessor> processor = processorOf(processingGroup);
        if (processor.isEmpty()) {
            return true;
        }
        DomainEventStream stream = eventStore.readEvents(aggregateId, sequence);
        if (!stream.hasNext()) {
            return true;
        }
        DomainEventMessage<?> event = stream.next();
        return event.getSequenceNumber() != sequence
                || processor.get().eventHandlerInvoker().canHandle(event, Segment.ROOT_SEGMENT);
    }

    private boolean decideType(String processingGroup, String payloadType) {
        Class<?> type = eventSerializer.classForType(new SimpleSerializedType(payloadType, null));
        return processorOf(processingGroup)
                .filter(processor -> !UnknownSerializedType.class.equals(type))
                .map(processor -> processor.eventHandlerInvoker().canHandleType(type))
                .orElse(true);
    }

    private Optional<AbstractEventProcessor> processorOf(String processingGroup) {
        return processing.eventProcessor(processingGroup, AbstractEventProcessor.class);
    }
}
