package dev.studybuddy.platform.deadletter;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

/**
 * Gives an event processor a dead-letter queue in the service's {@code dead_letter_entry} table (each
 * service's Flyway migrations create it): an event its handlers fail on is parked for its sequence, the
 * aggregate, together with every later event of that aggregate, while other aggregates keep flowing.
 * The letter is written through the processor's own connection and transaction (the handler's writes
 * were undone by its {@link Savepoints savepoint}), so it commits with the token that moves past the
 * event, or not at all. A failure of a store that is down or slow is not parked but retried
 * ({@link ParkUnlessTransient}). A reset empties the group's queue, since the replay meets the same events again.
 * Sagas, which Axon's dead-lettering invoker does not serve, get the same queue through
 * {@link SagaDeadLetters}. {@link DeadLetters} lists, retries and drops the letters.
 */
public class DeadLetterQueues {

    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_id")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_id")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    private final ConnectionProvider connectionProvider;
    private final Serializer serializer;
    private final TransactionManager transactionManager;

    /** The platform's connection provider and serializer (as the token store uses them), and Spring's transactions. */
    public DeadLetterQueues(
            ConnectionProvider connectionProvider, Serializer serializer, TransactionManager transactionManager) {
        this.connectionProvider = connectionProvider;
        this.serializer = serializer;
        this.transactionManager = transactionManager;
    }

    /** Registers the queue for the processor of {@code processingGroup} (named after it). */
    public ConfigurerModule on(String processingGroup) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDeadLetterQueue(
                        processingGroup, configuration -> queue(processingGroup, configuration.eventSerializer()))
                .registerDeadLetterPolicy(processingGroup, configuration -> new ParkUnlessTransient())
                .registerDeadLetteringEventHandlerInvokerConfiguration(
                        processingGroup, (configuration, invoker) -> invoker.allowReset(true)));
    }

    /**
     * The queue of one processing group; every call builds a view of the same rows. What it parks is recorded in
     * the unit of work as well ({@link ParkedInUnitOfWork}).
     */
    public SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup, Serializer eventSerializer) {
        return new RecordingDeadLetterQueue<>(
                processingGroup,
                JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(processingGroup)
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(SCHEMA)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build());
    }
}
