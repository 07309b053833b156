package dev.studybuddy.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.platform.messaging.MessagingConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * An {@link Error} in a processor, on the services' processor configuration (pooled processors with the services'
 * handler of failed batches, which counts them, dead letters, the handler wrapping of every event handler): thrown by a handler it parks its
 * event, and the events after it are handled; one that says the JVM is in trouble fails the batch, which is retried.
 * Axon's work package catches only exceptions: either error used to leave the segment, and then the processor, stalled
 * for good without a word.
 */
class HandlerErrorsTest {

    private static final String PROCESSOR = "errors";

    private final SequencedDeadLetterQueue<EventMessage<?>> parked =
            InMemorySequencedDeadLetterQueue.<EventMessage<?>>builder().build();
    private final Handler handler = new Handler();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private Configuration axon;

    @BeforeEach
    void start() {
        Savepoints savepoints =
                new Savepoints(new DefaultListableBeanFactory().getBeanProvider(DataSource.class), true);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .registerHandlerEnhancerDefinition(configuration -> new SavepointPerEventHandler(savepoints));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meterRegistry", meters);
        new MessagingConfiguration()
                .pooledStreamingProcessors(beans.getBeanProvider(MeterRegistry.class))
                .configureModule(configurer);
        configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(PROCESSOR)
                .registerPooledStreamingEventProcessorConfiguration(
                        PROCESSOR,
                        (configuration, builder) ->
                                builder.initialSegmentCount(1).tokenClaimInterval(100))
                .registerDeadLetterQueue(PROCESSOR, configuration -> parked)
                .registerDeadLetterPolicy(PROCESSOR, configuration -> new ParkUnlessTransient())
                .registerEventHandler(configuration -> handler)
                .byDefaultAssignTo(PROCESSOR);
        axon = configurer.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aHandlersStackOverflowParksItsEventAndTheNextIsHandled() {
        publish("overflow");
        publish("after the overflow");

        await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.contains("after the overflow"));
        assertThat(parkedCauses())
                .singleElement()
                .satisfies(cause -> assertThat(cause).contains("StackOverflowError"));
        assertThat(handler.handled).containsExactly("after the overflow");
        assertThat(failedBatches()).isZero();
    }

    @Test
    void anOutOfMemoryErrorIsNoEventsFaultTheBatchIsRetried() {
        publish("out of memory once");
        publish("after the retry");

        await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.contains("after the retry"));
        assertThat(handler.handled).containsExactly("out of memory once", "after the retry");
        assertThat(parkedCauses()).isEmpty();
        assertThat(handler.failedOnce).containsExactly("out of memory once");
        assertThat(failedBatches()).isEqualTo(1);
    }

    private double failedBatches() {
        Counter failed = meters.find("studybuddy.processor.batches.failed")
                .tag("processor", PROCESSOR)
                .counter();
        return failed == null ? 0 : failed.count();
    }

    private void publish(String payload) {
        axon.eventBus()
                .publish(new GenericDomainEventMessage<>(
                        "Test", UUID.randomUUID().toString(), 0, payload));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> axon.eventProcessingConfiguration()
                        .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                        .orElseThrow()
                        .isRunning());
    }

    private List<String> parkedCauses() {
        return StreamSupport.stream(parked.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .map(DeadLetter::cause)
                .map(cause -> cause.map(c -> c.type() + ": " + c.message()).orElse(""))
                .toList();
    }

    private static final class Handler {

        final List<String> handled = new CopyOnWriteArrayList<>();
        final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(String event) {
            if (event.equals("overflow")) {
                throw new StackOverflowError("a recursion too deep for this event");
            }
            if (event.equals("out of memory once") && failedOnce.add(event)) {
                throw new OutOfMemoryError("Java heap space (this once)");
            }
            handled.add(event);
        }
    }
}
