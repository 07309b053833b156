package dev.studybuddy.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.platform.messaging.MessagingConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An {@link Error} in a processor, with the services' processor settings (their handler of failed batches, which
 * counts them; the wrapping of every event handler in a savepoint, optimistic; the dead letters' policy) over a
 * PostgreSQL transaction per batch: a handler's stack overflow undoes its writes and parks its event, and the events
 * after it are handled; an error of the JVM, or one outside any handler, fails the batch, which is retried. Axon's work
 * package catches only exceptions: each of these used to leave the segment, and then the processor, stalled for good
 * without a word.
 */
class HandlerErrorsIT {

    private static final String SERVER =
            System.getenv().getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final String PROCESSOR = "errors";

    private final String table =
            "handler_errors_it_" + UUID.randomUUID().toString().replace("-", "");
    private final SequencedDeadLetterQueue<EventMessage<?>> parked =
            InMemorySequencedDeadLetterQueue.<EventMessage<?>>builder().build();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private Configuration axon;

    @BeforeEach
    void createTable() {
        dataSource = new DriverManagerDataSource(SERVER + "postgres", USER, "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE " + table + " (event text PRIMARY KEY)");
    }

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
        jdbc.execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void aHandlersStackOverflowUndoesItsWritesAndParksItsEventAndTheNextIsHandled() {
        start(null);

        publish("overflow");
        publish("after the overflow");

        await().atMost(Duration.ofSeconds(30)).until(() -> written().contains("after the overflow"));
        assertThat(written())
                .as("the overflowing handler's own write is undone")
                .containsExactly("after the overflow");
        assertThat(parkedCauses())
                .singleElement()
                .satisfies(cause -> assertThat(cause).contains("StackOverflowError"));
        assertThat(failedBatches())
                .as("the first failure, without a savepoint, fails its batch, whose retry parks the event")
                .isEqualTo(1);
    }

    @Test
    void anErrorOfTheJvmIsNoEventsFaultItsBatchIsRetriedUntilItPasses() {
        start(null);

        publish("out of memory twice");
        publish("after the retries");

        await().atMost(Duration.ofSeconds(30)).until(() -> written().contains("after the retries"));
        assertThat(written()).containsExactly("after the retries", "out of memory twice");
        assertThat(parkedCauses()).isEmpty();
        assertThat(failedBatches()).as("once without a savepoint, once in one").isEqualTo(2);
    }

    @Test
    void anErrorOutsideAnyHandlerFailsTheBatchWhichIsRetried() {
        AtomicInteger interceptions = new AtomicInteger();
        start((unitOfWork, chain) -> {
            if (interceptions.incrementAndGet() == 1) {
                throw new AssertionError("an interceptor's broken assumption, this once");
            }
            return chain.proceed();
        });

        publish("intercepted");

        await().atMost(Duration.ofSeconds(30)).until(() -> written().contains("intercepted"));
        assertThat(parkedCauses()).isEmpty();
        assertThat(failedBatches()).isEqualTo(1);
    }

    private void start(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meterRegistry", meters);
        beans.registerSingleton("dataSource", dataSource);
        Savepoints savepoints = new Savepoints(beans.getBeanProvider(DataSource.class), true);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureTransactionManager(
                        configuration -> new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .registerHandlerEnhancerDefinition(configuration -> new SavepointPerEventHandler(savepoints));
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
                .registerEventHandler(configuration -> new Handler())
                .byDefaultAssignTo(PROCESSOR);
        if (interceptor != null) {
            configurer.eventProcessing().registerHandlerInterceptor(PROCESSOR, configuration -> interceptor);
        }
        axon = configurer.start();
    }

    private void publish(String payload) {
        axon.eventBus()
                .publish(new GenericDomainEventMessage<>(
                        "Test", UUID.randomUUID().toString(), 0, payload));
    }

    private List<String> written() {
        return jdbc.queryForList("SELECT event FROM " + table + " ORDER BY event", String.class);
    }

    private List<String> parkedCauses() {
        return StreamSupport.stream(parked.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .map(DeadLetter::cause)
                .map(cause -> cause.map(c -> c.type() + ": " + c.message()).orElse(""))
                .toList();
    }

    private double failedBatches() {
        Counter failed = meters.find("studybuddy.processor.batches.failed")
                .tag("processor", PROCESSOR)
                .counter();
        return failed == null ? 0 : failed.count();
    }

    private final class Handler {

        @EventHandler
        void on(String event) {
            jdbc.update("INSERT INTO " + table + " (event) VALUES (?)", event);
            if (event.equals("overflow")) {
                throw new StackOverflowError("a recursion too deep for this event");
            }
            if (event.equals("out of memory twice")
                    && failures.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet() <= 2) {
                throw new OutOfMemoryError("Java heap space (twice)");
            }
        }
    }
}
