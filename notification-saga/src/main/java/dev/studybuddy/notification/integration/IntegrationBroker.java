package dev.studybuddy.notification.integration;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessage;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.amqp.RabbitConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * The integration events' own connection to RabbitMQ (plain amqp-client, as axon-amqp's publisher uses it):
 * each batch goes out on one channel in confirm mode, in order, and counts as sent only when the broker has
 * confirmed all of it. Kept apart from Spring AMQP's cached channels, whose correlated-confirm bookkeeping the
 * outbox relay relies on. The connection is opened lazily and opened again after a failure.
 */
@Component
class IntegrationBroker implements DisposableBean {

    private final ConnectionFactory factory;
    private final List<Address> addresses;
    private final IntegrationEventsProperties properties;
    private Connection connection;

    /**
     * Uses the client factory Spring Boot configured from {@code spring.rabbitmq.*} (credentials, virtual
     * host, TLS, timeouts) for a connection of its own. Spring AMQP has switched the client's automatic
     * recovery off on it, as this needs: a failed batch opens a new connection on its retry, and nothing may
     * replay publishes behind our back.
     */
    IntegrationBroker(
            CachingConnectionFactory springConnections,
            RabbitConnectionDetails details,
            IntegrationEventsProperties properties) {
        this.properties = properties;
        this.factory = springConnections.getRabbitConnectionFactory();
        if (factory.isAutomaticRecoveryEnabled()) {
            throw new IllegalStateException(
                    "The RabbitMQ client's automatic recovery must be off for integration events");
        }
        this.addresses = details.getAddresses().stream()
                .map(address -> new Address(address.host(), address.port()))
                .toList();
    }

    /**
     * Publishes the messages in order and waits until the broker confirmed every one of them.
     *
     * @throws IntegrationPublishException when the broker is unreachable, refused one or did not confirm in time
     */
    void publishConfirmed(List<AMQPMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (Channel channel = connection().createChannel()) {
            channel.confirmSelect();
            for (AMQPMessage message : messages) {
                channel.basicPublish(
                        properties.exchange(),
                        message.getRoutingKey(),
                        false,
                        message.getProperties(),
                        message.getBody());
            }
            channel.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            closeConnection();
            throw new IntegrationPublishException(
                    "RabbitMQ did not confirm " + messages.size() + " integration event(s): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationPublishException("Interrupted while waiting for RabbitMQ's confirms", e);
        }
    }

    private synchronized Connection connection() throws IOException, TimeoutException {
        if (connection == null || !connection.isOpen()) {
            connection = factory.newConnection(addresses, "studybuddy-integration-events");
            try (Channel channel = connection.createChannel()) {
                channel.exchangeDeclare(properties.exchange(), BuiltinExchangeType.TOPIC, true);
            }
        }
        return connection;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.abort();
            } finally {
                connection = null;
            }
        }
    }

    @Override
    public void destroy() {
        closeConnection();
    }

    static class IntegrationPublishException extends RuntimeException {
        IntegrationPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
