package dev.studybuddy.platform.eventstore;

import java.util.concurrent.Executors;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;

/** A pooled processor as the services build one, with one segment, its tokens in memory and no transactions. */
final class OneSegmentProcessor {

    private OneSegmentProcessor() {}

    static PooledStreamingEventProcessor over(
            StreamableMessageSource<TrackedEventMessage<?>> source, String name, Object eventHandler) {
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(eventHandler)
                        .build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newSingleThreadScheduledExecutor())
                .initialSegmentCount(1)
                .build();
    }
}
