package dev.studybuddy.query.consistency;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Makes a batch's {@link BatchedWrites} once its last event has been handled. A unit of work's commit would be too
 * late: Axon's work package registers storing the token before any handler runs, so it is stored first, and a token
 * outside the batch's transaction would already have moved past the events whose writes then failed.
 */
public final class WritesAtBatchEnd implements MessageHandlerInterceptor<EventMessage<?>> {

    /** Registers the interceptor on the processor of {@code processingGroup}, around every other one. */
    public static ConfigurerModule on(String processingGroup) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerHandlerInterceptor(processingGroup, configuration -> new WritesAtBatchEnd()));
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        UnitOfWork<?> root = unitOfWork.root();
        if (!(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            BatchedWrites.flushAll(root);
        }
        return result;
    }
}
