package dev.studybuddy.platform.deadletter;

import dev.studybuddy.platform.messaging.FailedBatches;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No event can stall a processor: every event handler runs in a savepoint (once one has failed: {@link Savepoints}),
 * processors park what fails in {@code dead_letter_entry} ({@link DeadLetterQueues#on}, {@link SagaDeadLetters#on}),
 * and parked events are counted ({@code studybuddy_dead_letters{processing_group}}), listed, retried and dropped
 * ({@link DeadLettersController}).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"
        })
@ConditionalOnBean(DataSource.class)
@Import(DeadLettersController.class)
public class DeadLetterConfiguration {

    @Bean
    public static Savepoints savepoints(
            ObjectProvider<DataSource> dataSource,
            @Value("${studybuddy.processors.savepoints:optimistic}") String savepoints) {
        return new Savepoints(
                dataSource,
                switch (savepoints) {
                    case "optimistic" -> true;
                    case "always" -> false;
                    default ->
                        throw new IllegalArgumentException(
                                "studybuddy.processors.savepoints must be optimistic or always, not " + savepoints);
                });
    }

    @Bean
    public static SavepointPerEventHandler savepointPerEventHandler(Savepoints savepoints) {
        return new SavepointPerEventHandler(savepoints);
    }

    @Bean
    public DeadLetterQueues deadLetterQueues(
            ConnectionProvider axonConnectionProvider, Serializer serializer, TransactionManager transactionManager) {
        return new DeadLetterQueues(axonConnectionProvider, serializer, transactionManager);
    }

    @Bean
    public SagaDeadLetters sagaDeadLetters(DeadLetterQueues queues, TransactionManager transactionManager) {
        return new SagaDeadLetters(queues, transactionManager);
    }

    @Bean
    public DeadLetters deadLetters(EventProcessingConfiguration processing, SagaDeadLetters sagas, JdbcTemplate jdbc) {
        return new DeadLetters(processing, sagas, jdbc);
    }

    /** One gauge per processing group that parks events (0 when none are parked), once Axon has built them. */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    public ApplicationListener<ApplicationStartedEvent> deadLetterGauges(
            EventProcessingConfiguration processing, DeadLetters deadLetters, MeterRegistry registry) {
        return started -> processing.eventProcessors().keySet().stream()
                .filter(deadLetters::parks)
                .forEach(group -> Gauge.builder("studybuddy.dead.letters", deadLetters, letters -> letters.count(group))
                        .description("Events parked in the processing group's dead-letter queue")
                        .tag("processing_group", group)
                        .register(registry));
    }

    /** Every processor's failed-batch counter from the start, at 0 ({@link FailedBatches} counts). */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    public ApplicationListener<ApplicationStartedEvent> failedBatchCounters(
            EventProcessingConfiguration processing, MeterRegistry registry) {
        return started -> processing.eventProcessors().keySet().forEach(name -> FailedBatches.of(name, registry));
    }
}
