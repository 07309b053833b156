package dev.studybuddy.query.consistency;

import dev.studybuddy.platform.deadletter.ParkedInUnitOfWork;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;


/**
 * Wraps every event handler of one projection: an aggregate's event that the projection has already
 * applied is skipped, and a new one moves the projection's position, in the transaction that also
 * writes the projection's rows. That makes the handlers idempotent and lets queries wait for a write
 * ({@link ReadYourWrites}). An event the processor parked in its dead-letter queue instead of applying
 * does not move the position: the read model does not show it. Whether it did is known from the unit of work
 * ({@link ParkedInUnitOfWork}), without another query per event.
 */
public final class ApplyOnce implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processingGroup;
    private final ProjectionPositions positions;

    private ApplyOnce(String processingGroup, ProjectionPositions positions) {
        this.processingGroup = processingGroup;
        this.positions = positions;
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
        if (positions.sequence(processingGroup, aggregateId) >= event.getSequenceNumber()) {
            return null;
        }
        Object result = chain.proceed();
        // a retry of a parked event (an admin's) applies it while its letter is still in the queue
        boolean retrying = unitOfWork.resources().containsKey(DeadLetter.class.getName());
        if (retrying || !ParkedInUnitOfWork.includes(unitOfWork, aggregateId)) {
            positions.advance(processingGroup, aggregateId, event.getSequenceNumber());
        }
        return result;
    }
}
