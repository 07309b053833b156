package dev.studybuddy.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A saga processor configured as notification-saga's are, in a real Axon configuration: its handlers take a
 * {@code DeadlineManager}, which only the configuration's parameter resolvers can resolve (the classpath's alone fail,
 * as they did in the packaged service).
 */
class SagaEventTypesConfigurationTest {

    static final String PROCESSOR = "ReminderSagaProcessor";
    static final List<String> started = new CopyOnWriteArrayList<>();

    record ReminderRequested(String reminderId) {}

    record Chatted(String text) {}

    public static class ReminderSaga {

        @StartSaga
        @SagaEventHandler(associationProperty = "reminderId")
        public void on(ReminderRequested event, DeadlineManager deadlines) {
            started.add(event.reminderId() + (deadlines != null ? " with deadlines" : ""));
        }
    }

    private Configuration configuration;

    @AfterEach
    void shutDown() {
        if (configuration != null) {
            configuration.shutdown();
        }
        started.clear();
    }

    @Test
    void theSagasProcessorSkipsWhatTheSagaNeverHandlesAndStillStartsIt() {
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(
                        DeadlineManager.class,
                        c -> SimpleDeadlineManager.builder()
                                .scopeAwareProvider(c.scopeAwareProvider())
                                .build())
                .eventProcessing(processing -> processing
                        .usingPooledStreamingEventProcessors()
                        .registerSagaStore(c -> new InMemorySagaStore())
                        .registerSaga(ReminderSaga.class) // its processor is named after it: PROCESSOR
                        .registerPooledStreamingEventProcessorConfiguration(
                                PROCESSOR, SagaEventTypes.of(ReminderSaga.class)))
                .start();
        PooledStreamingEventProcessor processor = configuration
                .eventProcessingConfiguration()
                .eventProcessor(PROCESSOR, PooledStreamingEventProcessor.class)
                .orElseThrow();

        assertThat(processor.eventHandlerInvoker().canHandleType(ReminderRequested.class))
                .isTrue();
        assertThat(processor.eventHandlerInvoker().canHandleType(Chatted.class)).isFalse();

        configuration
                .eventBus()
                .publish(
                        GenericEventMessage.asEventMessage(new Chatted("hello")),
                        GenericEventMessage.asEventMessage(new ReminderRequested("r1")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !started.isEmpty());
        assertThat(started).containsExactly("r1 with deadlines");
    }
}
