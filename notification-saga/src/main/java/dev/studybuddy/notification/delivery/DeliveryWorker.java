package dev.studybuddy.notification.delivery;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the relay's messages (each carries one notification id) with manual acknowledgement: a message is
 * acked only after the attempt's outcome has been committed to the log, so a worker that dies mid-way leaves
 * it to be redelivered, and a redelivery of a delivered one is recognised and skipped. A failed delivery is
 * acked too, once its retry (or dead letter) has been handed back to the broker. When the outcome cannot be
 * recorded because PostgreSQL or the broker is briefly away ({@link TransientFailures}), the message goes round
 * the shortest wait queue without counting an attempt.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final RetryScheduling retries;

    DeliveryWorker(Deliveries deliveries, RetryScheduling retries) {
        this.deliveries = deliveries;
        this.retries = retries;
    }

    @RabbitListener(
            queues = "${studybuddy.notifications.broker.queue-prefix}.in-app",
            ackMode = "MANUAL",
            concurrency = "${studybuddy.notifications.delivery.in-app-consumers:2}")
    void inApp(Message message, Channel channel) throws IOException {
        handle(message, channel, dev.studybuddy.notification.log.Channel.IN_APP);
    }

    @RabbitListener(
            queues = "${studybuddy.notifications.broker.queue-prefix}.email",
            ackMode = "MANUAL",
            concurrency = "${studybuddy.notifications.delivery.email-consumers:2}")
    void email(Message message, Channel channel) throws IOException {
        handle(message, channel, dev.studybuddy.notification.log.Channel.EMAIL);
    }

    private static Integer retryOf(Message message) {
        Object attempt = message.getMessageProperties().getHeader(RetryScheduling.FAILED_ATTEMPT);
        return attempt instanceof Number number ? number.intValue() : null;
    }

    private void handle(Message message, Channel channel, dev.studybuddy.notification.log.Channel delivery)
            throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        UUID id;
        try {
            id = UUID.fromString(new String(message.getBody(), StandardCharsets.UTF_8).trim());
        } catch (IllegalArgumentException e) {
            // Not a delivery: logged and dropped here, so it can never reach a dead-letter queue whose messages
            // must each stand for a DEAD row of the log.
            log.warn("Dropping a message that names no notification: {}", message);
            channel.basicAck(tag, false);
            return;
        }
        Integer retryOf = retryOf(message);
        try {
            deliveries.deliver(id, retryOf);
        } catch (RuntimeException e) {
            // The outcome was not recorded: the row is as before, no attempt counted. Trouble that passes by itself
            // (PostgreSQL or the broker away) sends the message round the shortest wait queue at once, which also
            // paces the retries. Anything else is not requeued (it would fail again in a hot loop): the relay
            // publishes the row again after republish-after.
            if (TransientFailures.isTransient(e) && retries.retrySoon(id, delivery, retryOf)) {
                log.warn(
                        "Could not deliver notification {} for now, trying again after the shortest back-off: {}",
                        id,
                        e.toString());
                channel.basicAck(tag, false);
            } else {
                log.warn("Could not record delivery of notification {}, leaving it to the relay: {}", id, e.toString());
                channel.basicNack(tag, false, false);
            }
            return;
        }
        channel.basicAck(tag, false);
    }
}
