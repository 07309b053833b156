package dev.studybuddy.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * What an outbox relay needs from RabbitMQ: publish a batch with correlated publisher confirms (the
 * template's connection factory must have {@code publisher-confirm-type: correlated} and mandatory returns)
 * and learn which messages the broker took, that is acked and did not return as unroutable, within one
 * timeout for the whole batch. What is not confirmed stays in the outbox for the next run; a message the
 * broker took but confirmed too late is published again, so receivers must tolerate duplicates.
 */
public final class ConfirmedPublishing {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedPublishing.class);

    /** One outbox row's message; {@code key} names the row. */
    public record Outgoing<K>(K key, String exchange, String routingKey, Message message) {}

    private record Sent<K>(K key, CorrelationData correlation) {}

    private ConfirmedPublishing() {}

    /** @return the keys of the messages the broker confirmed, in the batch's order */
    public static <K> List<K> publish(RabbitTemplate rabbit, List<Outgoing<K>> batch, Duration confirmTimeout) {
        List<Sent<K>> sent = new ArrayList<>();
        try {
            for (Outgoing<K> outgoing : batch) {
                CorrelationData correlation = new CorrelationData(String.valueOf(outgoing.key()));
                rabbit.send(outgoing.exchange(), outgoing.routingKey(), outgoing.message(), correlation);
                sent.add(new Sent<>(outgoing.key(), correlation));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "RabbitMQ unavailable, {} outbox message(s) stay unpublished: {}",
                    batch.size() - sent.size(),
                    e.toString());
        }
        List<K> confirmed = new ArrayList<>();
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (Sent<K> message : sent) {
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                CorrelationData.Confirm confirm =
                        message.correlation().getFuture().get(wait, TimeUnit.NANOSECONDS);
                if (confirm.isAck() && message.correlation().getReturned() == null) {
                    confirmed.add(message.key());
                } else {
                    log.warn(
                            "The broker did not take outbox message {}: {}",
                            message.key(),
                            confirm.isAck() ? "unroutable" : confirm.getReason());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.warn("No confirm for outbox message {}, it stays unpublished: {}", message.key(), e.toString());
            }
        }
        return confirmed;
    }
}
