package dev.studybuddy.notification.delivery;

import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.outbox.BrokerProperties;
import dev.studybuddy.notification.outbox.NotificationMessages;
import dev.studybuddy.notification.outbox.RelayProperties;
import dev.studybuddy.platform.messaging.ConfirmedPublishing;
import java.util.List;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilderSupport;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands a failed notification back to the broker: to the wait queue of its back-off, or, out of attempts, to the
 * dead-letter queue. Each publication is confirmed before the attempt's outcome is committed; unconfirmed, it
 * throws, the outcome is rolled back and the relay publishes the row again later (see DeliveryWorker).
 */
@Component
class RetryScheduling {

    /** On a message coming back from a wait queue: the attempt whose failure it retries. */
    static final String FAILED_ATTEMPT = "x-studybuddy-failed-attempt";

    private final RabbitTemplate rabbit;
    private final BrokerProperties broker;
    private final DeliveryProperties delivery;
    private final RelayProperties relay;

    RetryScheduling(
            RabbitTemplate rabbit, BrokerProperties broker, DeliveryProperties delivery, RelayProperties relay) {
        this.rabbit = rabbit;
        this.broker = broker;
        this.delivery = delivery;
        this.relay = relay;
    }

    void retryLater(PendingDelivery notification, int failedAttempt) {
        Message message =
                message(notification).setHeader(FAILED_ATTEMPT, failedAttempt).build();
        publish(
                notification.id(),
                broker.retryExchange(),
                broker.waitQueue(notification.channel(), delivery.backoffAfter(failedAttempt)),
                message);
    }

    /**
     * Sends a message back through its channel's shortest wait queue without counting an attempt: its delivery
     * could not even be tried or recorded (PostgreSQL or RabbitMQ trouble that passes by itself). It comes back
     * as what it was: the relay's message, or the retry of attempt {@code retryOf}.
     *
     * @return whether the broker confirmed it (if not, the caller leaves the row to the relay)
     */
    boolean retrySoon(UUID id, Channel channel, Integer retryOf) {
        MessageBuilderSupport<Message> builder =
                NotificationMessages.naming(id).setHeader("x-studybuddy-channel", channel.name());
        if (retryOf != null) {
            builder.setHeader(FAILED_ATTEMPT, retryOf);
        }
        try {
            publish(
                    id,
                    broker.retryExchange(),
                    broker.waitQueue(channel, delivery.backoffs().first()),
                    builder.build());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void deadLetter(PendingDelivery notification, int attempts, String lastError) {
        Message message = message(notification)
                .setHeader("x-studybuddy-attempts", attempts)
                .setHeader("x-studybuddy-type", notification.type())
                .setHeader("x-studybuddy-last-error", lastError)
                .build();
        publish(notification.id(), broker.deadLetterExchange(), broker.routingKey(notification.channel()), message);
    }

    private MessageBuilderSupport<Message> message(PendingDelivery notification) {
        return NotificationMessages.naming(notification.id())
                .setHeader("x-studybuddy-channel", notification.channel().name());
    }

    private void publish(UUID id, String exchange, String routingKey, Message message) {
        List<UUID> confirmed = ConfirmedPublishing.publish(
                rabbit,
                List.of(new ConfirmedPublishing.Outgoing<>(id, exchange, routingKey, message)),
                relay.confirmTimeout());
        if (confirmed.isEmpty()) {
            throw new NotHandedBack("The broker did not confirm " + exchange + "/" + routingKey + " for " + id);
        }
    }

    static final class NotHandedBack extends RuntimeException {
        NotHandedBack(String message) {
            super(message);
        }
    }
}
