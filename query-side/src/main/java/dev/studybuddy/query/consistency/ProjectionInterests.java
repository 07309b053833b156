package dev.studybuddy.query.consistency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Which stored event types a projection applies, asked of its processor's handlers. A projection's position moves
 * only with the events it handles, so it need not take in the others of an aggregate's stream (a group's messages,
 * for {@code groups}) to tell a reader that its view has them ({@link ConsistencyWait}); each such event taken in
 * would cost a transaction on every query-side node's processor.
 */
@Component
class ProjectionInterests {

    private final EventProcessingConfiguration processing;
    private final Serializer eventSerializer;
    private final Map<String, Boolean> decided = new ConcurrentHashMap<>();

    ProjectionInterests(
            EventProcessingConfiguration processing, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.processing = processing;
        this.eventSerializer = eventSerializer;
    }

    /**
     * Whether the projection of {@code processingGroup} applies events stored with payload type {@code payloadType};
     * true when that cannot be known (no such processor, a type no class answers to), so that a reader waits rather
     * than reads too early.
     */
    boolean applies(String processingGroup, String payloadType) {
        return decided.computeIfAbsent(
                processingGroup + '\n' + payloadType, key -> decide(processingGroup, payloadType));
    }

    private boolean decide(String processingGroup, String payloadType) {
        Class<?> type = eventSerializer.classForType(new SimpleSerializedType(payloadType, null));
        return processing
                .eventProcessor(processingGroup, AbstractEventProcessor.class)
                .filter(processor -> !UnknownSerializedType.class.equals(type))
                .map(processor -> processor.eventHandlerInvoker().canHandleType(type))
                .orElse(true);
    }
}
