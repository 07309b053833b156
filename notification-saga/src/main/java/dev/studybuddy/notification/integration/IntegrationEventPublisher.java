package dev.studybuddy.notification.integration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Forwards every domain event of the store to the integration exchange, in axon-amqp's wire format, from its
 * own streaming processor (never inside a command's unit of work). The events of one processor batch are
 * collected and published when the batch is about to commit; the batch (and with it the processor's token)
 * commits only once RabbitMQ confirmed all of them. A nack, a timeout or an unreachable broker fails the
 * batch, which the processor retries from the same token: at least once, in stream order.
 */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-events";
    private static final String BATCH = IntegrationEventPublisher.class.getName() + ".batch";

    private final AMQPMessageConverter converter;
    private final IntegrationBroker broker;

    IntegrationEventPublisher(AMQPMessageConverter integrationEventConverter, IntegrationBroker broker) {
        this.converter = integrationEventConverter;
        this.broker = broker;
    }

    /**
     * Every event, by its message only: the payload goes out as stored (the converter's serializer is the store's),
     * so it is never deserialized here. (A payload parameter deserialized every event, its sealed fields opened,
     * for nothing.)
     */
    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<AMQPMessage> batch = unitOfWork.root().getOrComputeResource(BATCH, key -> {
            List<AMQPMessage> messages = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(committing -> broker.publishConfirmed(messages));
            return messages;
        });
        batch.add(converter.createAMQPMessage(headerSafe(event)));
    }

    /**
     * The routing key: the aggregate type and the event's simple class name, e.g. {@code Group.MemberJoinedEvent}
     * (so a queue can bind {@code Group.#} or {@code *.MemberJoinedEvent}); {@code Event.<name>} for an event
     * that belongs to no aggregate.
     */
    static String routingKey(EventMessage<?> event) {
        String type =
                event instanceof DomainEventMessage<?> domain && domain.getType() != null ? domain.getType() : "Event";
        return type + "." + event.getPayloadType().getSimpleName();
    }

    /** AMQP headers carry only a few types; any other metadata value travels as its text. */
    private static EventMessage<?> headerSafe(EventMessage<?> event) {
        Map<String, Object> safe = new HashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Object> entry : event.getMetaData().entrySet()) {
            Object value = entry.getValue();
            boolean carried = value == null
                    || value instanceof String
                    || value instanceof Number
                    || value instanceof Boolean
                    || value instanceof Date
                    || value instanceof BigDecimal;
            safe.put(entry.getKey(), carried ? value : value.toString());
            changed |= !carried;
        }
        return changed ? event.withMetaData(MetaData.from(safe)) : event;
    }
}
