package dev.studybuddy.notification.outbox;

import dev.studybuddy.notification.log.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Names on RabbitMQ: one durable direct exchange, one durable queue per channel, routed by the channel.
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
}
