package dev.studybuddy.notification.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.LongString;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LocalServiceProxies;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.amqp.eventhandling.DefaultAMQPMessageConverter;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Another system's view: a plain RabbitMQ consumer, bound to the integration exchange and decoding with
 * axon-amqp's own converter, receives every domain event in its stream's order, with its metadata, also when
 * RabbitMQ was away in between (the service's connection runs through a proxy that the test cuts; the
 * subscriber is connected to the real server).
 */
@NotificationSagaIT
class IntegrationEventsIT {

    @Autowired
    IntegrationEventsProperties properties;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    DomainEvents events;

    private Connection connection;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, List<Object>> published = new LinkedHashMap<>();

    @BeforeEach
    void subscribe() throws Exception {
        DefaultAMQPMessageConverter converter = DefaultAMQPMessageConverter.builder()
                .serializer(eventSerializer)
                .build();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        connection = factory.newConnection("integration-events-it");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(properties.exchange(), BuiltinExchangeType.TOPIC, true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, properties.exchange(), "#");
        channel.basicConsume(
                queue,
                true,
                (tag, delivery) -> converter
                        .readAMQPMessage(
                                delivery.getBody(),
                                asStrings(delivery.getProperties().getHeaders()))
                        .ifPresent(event ->
                                received.add(new Received(delivery.getEnvelope().getRoutingKey(), event))),
                tag -> {});
    }

    @AfterEach
    void unsubscribe() throws Exception {
        LocalServiceProxies.rabbit().restore();
        connection.close();
    }

    @Test
    void everyDomainEventArrivesInStreamOrderPerAggregateAlsoAfterRabbitMqWasDown() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        String friendship = FriendshipId.of(owner, member);
        String traceId = UUID.randomUUID().toString();
        Map<String, Object> byOwner =
                Map.of(MessageMetadata.ACTOR, owner.toString(), MessageMetadata.TRACE_ID, traceId);

        append(
                group,
                GroupDecisions.create(group, owner, "Integration", "", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10),
                byOwner);
        append(DomainEvents.FRIENDSHIP, friendship, new FriendRequestSentEvent(friendship, owner, member), byOwner);
        append(group, GroupDecisions.join(group, member), byOwner);
        awaitAllReceived();

        LocalServiceProxies.rabbit().cut();
        append(DomainEvents.FRIENDSHIP, friendship, new FriendRequestAcceptedEvent(friendship, owner, member), byOwner);
        for (int i = 0; i < 5; i++) {
            append(
                    DomainEvents.FRIENDSHIP,
                    friendship,
                    new DirectMessageSentEvent(
                            friendship, UUID.randomUUID(), owner, member, "message " + i, null, List.of()),
                    byOwner);
        }
        append(group, GroupDecisions.leave(group, member), byOwner);
        // the publisher's batches fail meanwhile; nothing of this may be lost
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(firstOccurrences(receivedOf(friendship)))
                .as("nothing gets through while the broker is away")
                .hasSize(1);
        LocalServiceProxies.rabbit().restore();

        awaitAllReceived();
        for (Map.Entry<String, List<Object>> aggregate : published.entrySet()) {
            List<Received> arrivals = receivedOf(aggregate.getKey());
            long highest = -1;
            for (Received arrival : arrivals) {
                long sequence = arrival.domainEvent().getSequenceNumber();
                assertThat(sequence)
                        .as("no event overtakes its predecessor (repeats allowed: at least once)")
                        .isLessThanOrEqualTo(highest + 1);
                highest = Math.max(highest, sequence);
            }
            List<Received> firstArrivals = firstOccurrences(arrivals);
            assertThat(firstArrivals)
                    .extracting(arrival -> (Object) arrival.event().getPayload())
                    .containsExactlyElementsOf(aggregate.getValue());
            assertThat(firstArrivals)
                    .extracting(arrival -> arrival.domainEvent().getSequenceNumber())
                    .containsExactlyElementsOf(sequence(aggregate.getValue().size()));
        }
        Received first = receivedOf(group.toString()).get(0);
        assertThat(first.routingKey()).isEqualTo("Group.GroupCreatedEvent");
        assertThat(first.domainEvent().getType()).isEqualTo("Group");
        assertThat(first.event().getMetaData())
                .containsEntry(MessageMetadata.ACTOR, owner.toString())
                .containsEntry(MessageMetadata.TRACE_ID, traceId);
        assertThat(receivedOf(friendship).get(0).routingKey()).isEqualTo("Friendship.FriendRequestSentEvent");
    }

    /** amqp-client hands text headers over as LongString; Spring AMQP (under SpringAMQPMessageSource) makes them Strings. */
    private static Map<String, Object> asStrings(Map<String, Object> headers) {
        Map<String, Object> converted = new HashMap<>();
        headers.forEach((key, value) -> converted.put(key, value instanceof LongString text ? text.toString() : value));
        return converted;
    }

    /** The events of a decision of the Group aggregate, as it emits them (test-support's GroupDecisions). */
    private void append(UUID group, Decision decision, Map<String, Object> metaData) {
        decision.events().forEach(event -> append(DomainEvents.GROUP, group.toString(), event, metaData));
    }

    private void append(String type, String aggregateId, Object payload, Map<String, Object> metaData) {
        events.publish(type, aggregateId, payload, metaData);
        published.computeIfAbsent(aggregateId, id -> new ArrayList<>()).add(payload);
    }

    private void awaitAllReceived() {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> published.entrySet().stream()
                        .allMatch(aggregate ->
                                firstOccurrences(receivedOf(aggregate.getKey())).size()
                                        == aggregate.getValue().size()));
    }

    private List<Received> receivedOf(String aggregateId) {
        return received.stream()
                .filter(arrival -> arrival.event() instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(aggregateId))
                .toList();
    }

    private static List<Received> firstOccurrences(List<Received> arrivals) {
        Map<String, Received> first = new LinkedHashMap<>();
        arrivals.forEach(arrival -> first.putIfAbsent(arrival.event().getIdentifier(), arrival));
        return new ArrayList<>(first.values());
    }

    private static List<Long> sequence(int length) {
        List<Long> sequence = new ArrayList<>();
        for (long i = 0; i < length; i++) {
            sequence.add(i);
        }
        return sequence;
    }

    private record Received(String routingKey, EventMessage<?> event) {
        DomainEventMessage<?> domainEvent() {
            return (DomainEventMessage<?>) event;
        }
    }
}
