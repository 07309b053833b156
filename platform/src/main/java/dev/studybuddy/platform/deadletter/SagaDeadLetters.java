package dev.studybuddy.platform.deadletter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon parks events in a dead-letter queue only for event handlers, not for sagas; this gives a saga's
 * processor the same queue and the same behaviour. A saga handler that fails (its writes undone by its
 * savepoint) has its event parked for the event's aggregate instead of stopping the segment, and the
 * aggregate's later events for this saga are parked behind it, while other aggregates flow on. A retry
 * hands the parked events, in order, to the saga manager again.
 */
public class SagaDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadLetters.class);

    private final DeadLetterQueues queues;
    private final TransactionManager transactionManager;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> built = new ConcurrentHashMap<>();
    private final Map<String, SequencedDeadLetterProcessor<EventMessage<?>>> retries = new ConcurrentHashMap<>();

    public SagaDeadLetters(DeadLetterQueues queues, TransactionManager transactionManager) {
        this.queues = queues;
        this.transactionManager = transactionManager;
    }

    /** Registers the queue, the parking and the retry for the saga's processor, named {@code processingGroup}. */
    public ConfigurerModule on(Class<?> sagaType, String processingGroup) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDeadLetterQueue(
                        processingGroup, configuration -> queue(processingGroup, sagaType, configuration))
                .registerListenerInvocationErrorHandler(
                        processingGroup,
                        configuration -> new Parking(() -> queue(processingGroup, sagaType, configuration)))
                .registerHandlerInterceptor(
                        processingGroup,
                        configuration -> new BehindParked(
                                () -> queue(processingGroup, sagaType, configuration),
                                () -> currentSegment(processingGroup, configuration))));
    }

    /** How to retry the letters of a saga's processor, once its configuration has been built. */
    public Optional<SequencedDeadLetterProcessor<EventMessage<?>>> retry(String processingGroup) {
        return Optional.ofNullable(retries.get(processingGroup));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(
            String processingGroup, Class<?> sagaType, Configuration configuration) {
        SequencedDeadLetterQueue<EventMessage<?>> queue =
                built.computeIfAbsent(processingGroup, group -> queues.queue(group, configuration.eventSerializer()));
        retries.computeIfAbsent(
                processingGroup,
                group -> filter -> queue.process(filter, letter -> handleAgain(letter, sagaType, configuration)));
        return queue;
    }

    private EnqueueDecision<EventMessage<?>> handleAgain(
            DeadLetter<? extends EventMessage<?>> letter, Class<?> sagaType, Configuration configuration) {
        UnitOfWork<? extends EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(letter.message());
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.resources().put(DeadLetter.class.getName(), letter);
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
            configuration
                    .eventProcessingConfiguration()
                    .sagaConfiguration(sagaType)
                    .manager()
                    .handle(letter.message(), Segment.ROOT_SEGMENT);
            return null;
        });
        return result.isExceptional() ? Decisions.requeue(result.exceptionResult()) : Decisions.evict();
    }

    static Object sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    /** The segment the current batch of a streaming processor belongs to (Axon names its id in the unit of work). */
    private static Optional<Segment> currentSegment(String processorName, Configuration configuration) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Object segmentId = CurrentUnitOfWork.get().resources().get("Processor[" + processorName + "]/SegmentId");
        if (segmentId == null) {
            return Optional.empty();
        }
        return configuration
                .eventProcessingConfiguration()
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().get(segmentId))
                .map(EventTrackerStatus::getSegment);
    }

    /**
     * A failing saga handler parks its event; during a retry the failure goes back to the retry instead. A store that
     * did not answer is not the event's fault: the batch fails and is retried, as {@link ParkUnlessTransient} has it
     * for every other processor.
     */
    record Parking(java.util.function.Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue)
            implements ListenerInvocationErrorHandler {

        @Override
        public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
            if (ParkedInUnitOfWork.retryingParkedEvent()) {
                throw exception;
            }
            ParkUnlessTransient.requireParkable(exception);
            log.warn(
                    "Parking event {} ({}) of {}: {}",
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    handler.getTargetType().getSimpleName(),
                    exception.toString());
            queue.get()
                    .enqueue(
                            sequenceOf(event),
                            new GenericDeadLetter<EventMessage<?>>(sequenceOf(event), event, exception));
        }
    }

    /**
     * An event of an aggregate that has an event parked waits behind it. Every segment of a saga processor
     * reads every event (each for its own sagas), so only the segment that the aggregate hashes to parks it,
     * once; the others skip it, and the retry later hands it to the sagas of all segments.
     */
    private record BehindParked(
            java.util.function.Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue,
            java.util.function.Supplier<Optional<Segment>> currentSegment)
            implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            EventMessage<?> event = unitOfWork.getMessage();
            Object sequence = sequenceOf(event);
            Predicate<Object> parked = queue.get()::contains;
            if (!ParkedInUnitOfWork.retryingParkedEvent() && parked.test(sequence)) {
                if (currentSegment
                        .get()
                        .map(segment -> segment.matches(sequence))
                        .orElse(true)) {
                    queue.get().enqueue(sequence, new GenericDeadLetter<EventMessage<?>>(sequence, event));
                }
                return null;
            }
            return chain.proceed();
        }
    }
}
