package dev.studybuddy.notification.outbox;

import dev.studybuddy.notification.log.Channel;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Names on RabbitMQ: one durable direct exchange, one durable queue per channel, routed by the channel; for
 * failed deliveries a retry exchange routing to wait queues (one per channel and back-off, which dead-letter
 * back to the exchange when their TTL expires), and a dead-letter exchange with its queue.
 *
 * @param queuePrefix each channel's queue is {@code <prefix>.in-app} / {@code <prefix>.email}
 * @param quorum      quorum queues (replicated, with a poison-message limit) instead of classic ones
 */
@ConfigurationProperties("studybuddy.notifications.broker")
public record BrokerProperties(String exchange, String queuePrefix, boolean quorum) {

    public BrokerProperties {
        exchange = exchange == null ? "studybuddy.notifications" : exchange;
        queuePrefix = queuePrefix == null ? exchange : queuePrefix;
    }

    public String routingKey(Channel channel) {
        return channel == Channel.IN_APP ? "in-app" : "email";
    }

    public String queue(Channel channel) {
        return queuePrefix + "." + routingKey(channel);
    }

    public String retryExchange() {
        return exchange + ".retry";
    }

    /**
     * Where a message of {@code channel} waits out {@code delay}; also its routing key on the retry exchange. The
     * delay is in the name because a queue's TTL cannot change once declared: another back-off gets other queues.
     */
    public String waitQueue(Channel channel, Duration delay) {
        return queue(channel) + ".wait-" + delay.toMillis() + "ms";
    }

    /**
     * Where DEAD notifications' messages go. Not {@code .dead}: that queue was declared unbounded, a queue's
     * arguments cannot change once declared, and its fanout exchange would keep feeding it; it is no longer used.
     */
    public String deadLetterExchange() {
        return exchange + ".dead-letters";
    }

    /** The bounded dead-letter queue (see the delivery package's RetryTopology). */
    public String deadLetterQueue() {
        return queuePrefix + ".dead-letters";
    }
}
