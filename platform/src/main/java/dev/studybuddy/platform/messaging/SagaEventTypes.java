package dev.studybuddy.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;

/**
 * A saga processor's handler invoker that says which event types its saga never handles. Axon's saga managers answer
 * {@code canHandleType} with yes for every type, so their pooled processors never tell their streams to skip anything
 * and are woken by every event in the store (docs/adr/0026); this answers from the saga's event handlers and hands
 * everything else to the saga manager unchanged. It takes the place of the processor's own invoker, so the saga's
 * processing group must hold the saga alone (no {@code @EventHandler} component in it), as Axon's default does.
 */
public final class SagaEventTypes implements EventHandlerInvoker {

    private final EventHandlerInvoker sagaManager;
    private final List<? extends MessageHandlingMember<?>> eventHandlers;
    private final Map<Class<?>, Boolean> answers = new ConcurrentHashMap<>();

    <T> SagaEventTypes(EventHandlerInvoker sagaManager, AnnotatedHandlerInspector<T> sagaHandlers, Class<T> sagaType) {
        this.sagaManager = sagaManager;
        this.eventHandlers = sagaHandlers
                .getHandlers(sagaType)
                .filter(handler -> handler.canHandleMessageType(EventMessage.class))
                .toList();
    }

    /**
     * The saga's processor hands its events to the saga's manager through this. The saga's handlers are inspected
     * with the configuration's parameter resolvers, as Axon does for the saga itself: the classpath's alone cannot
     * resolve a handler's Spring beans or its {@code DeadlineManager}, and fail.
     */
    public static <T> PooledStreamingProcessorConfiguration of(Class<T> sagaType) {
        return (configuration, builder) -> builder.eventHandlerInvoker(new SagaEventTypes(
                configuration
                        .eventProcessingConfiguration()
                        .sagaConfiguration(sagaType)
                        .manager(),
                AnnotatedHandlerInspector.inspectType(
                        sagaType, configuration.parameterResolverFactory(), configuration.handlerDefinition(sagaType)),
                sagaType));
    }

    /** As Axon's {@code AnnotationEventHandlerAdapter} answers it for an event handler: by its handlers' own answer. */
    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return answers.computeIfAbsent(
                payloadType, type -> eventHandlers.stream().anyMatch(handler -> handler.canHandleType(type)));
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return sagaManager.canHandle(eventMessage, segment);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        sagaManager.handle(message, segment);
    }

    @Override
    public boolean supportsReset() {
        return sagaManager.supportsReset();
    }

    @Override
    public void performReset() {
        sagaManager.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        sagaManager.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        sagaManager.segmentReleased(segment);
    }
}
