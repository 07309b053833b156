package dev.studybuddy.query.consistency;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Wraps every event handler of one projection: an aggregate's event that the projection has already
 * applied is skipped, and a new one moves the projection's position, in the transaction that also
 * writes the projection's rows. That makes the handlers idempotent and lets queries wait for a write
 * ({@link ReadYourWrites}).
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
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event
                && !positions.advance(processingGroup, event.getAggregateIdentifier(), event.getSequenceNumber())) {
            return null;
        }
        return chain.proceed();
    }
}
