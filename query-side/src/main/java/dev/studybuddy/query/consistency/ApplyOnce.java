package dev.studybuddy.query.consistency;

import dev.studybuddy.platform.deadletter.ParkedInUnitOfWork;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Wraps every event handler of one projection: an aggregate's event that the projection has already
 * applied is skipped, and a new one moves the projection's position, in the transaction that also
 * writes the projection's rows. That makes the handlers idempotent and lets queries wait for a write
 * ({@link ReadYourWrites}). An event the processor parked in its dead-letter queue instead of applying
 * does not move the position: the read model does not show it. Whether it did is known from the unit of work
 * ({@link ParkedInUnitOfWork}), without another query per event.
 * <p>
 * The positions are read once per batch, for every aggregate in it, and written once, when the batch's
 * transaction is about to commit: two statements per batch instead of two per event (a replay's batches hold
 * 100 events).
 */
public final class ApplyOnce implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processingGroup;
    private final ProjectionPositions positions;
    private final String batchResource;

    private ApplyOnce(String processingGroup, ProjectionPositions positions) {
        this.processingGroup = processingGroup;
        this.positions = positions;
        this.batchResource = ApplyOnce.class.getName() + ":" + processingGroup;
    }

    /** Registers the interceptor on the processor of {@code processingGroup} (named after it). */
    public static ConfigurerModule on(String processingGroup, ProjectionPositions positions) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                processingGroup, configuration -> new ApplyOnce(processingGroup, positions)));
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage() instanceof DomainEventMessage<?> event)) {
            return chain.proceed();
        }
        String aggregateId = event.getAggregateIdentifier();
        BatchPositions batch = batchOf(unitOfWork);
        if (batch.applied(aggregateId) >= event.getSequenceNumber()) {
            return null;
        }
        Object result = chain.proceed();
        // a retry of a parked event (an admin's) applies it while its letter is still in the queue
        boolean retrying = unitOfWork.resources().containsKey(DeadLetter.class.getName());
        if (retrying || !ParkedInUnitOfWork.includes(unitOfWork, aggregateId)) {
            batch.advance(aggregateId, event.getSequenceNumber());
        }
        return result;
    }

    private BatchPositions batchOf(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        BatchPositions batch = root.getResource(batchResource);
        if (batch == null) {
            // not inside computeIfAbsent: the query may add the unit of work's connection to its resources
            batch = new BatchPositions(positions.sequences(processingGroup, aggregatesOf(unitOfWork)));
            BatchPositions advancing = batch;
            root.onPrepareCommit(committing -> positions.advanceAll(processingGroup, advancing.advanced));
            root.resources().put(batchResource, batch);
        }
        return batch;
    }

    private static Set<String> aggregatesOf(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork.root() instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages()
                : List.of(unitOfWork.getMessage());
        Set<String> aggregates = new HashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event) {
                aggregates.add(event.getAggregateIdentifier());
            }
        }
        aggregates.add(((DomainEventMessage<?>) unitOfWork.getMessage()).getAggregateIdentifier());
        return aggregates;
    }

    /** The positions of a batch's aggregates as the batch moves them, and what it moved. */
    private static final class BatchPositions {

        private final Map<String, Long> applied;
        private final Map<String, Long> advanced = new HashMap<>();

        BatchPositions(Map<String, Long> stored) {
            this.applied = new HashMap<>(stored);
        }

        long applied(String aggregateId) {
            return applied.getOrDefault(aggregateId, ProjectionPositions.NONE);
        }

        void advance(String aggregateId, long sequence) {
            applied.merge(aggregateId, sequence, Math::max);
            advanced.merge(aggregateId, sequence, Math::max);
        }
    }
}
