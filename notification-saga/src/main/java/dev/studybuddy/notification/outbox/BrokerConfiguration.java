package dev.studybuddy.notification.outbox;

import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.autoconfigure.amqp.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service declares what it publishes to and consumes from; RabbitAdmin re-declares it on every reconnect. The
 * outbox relay publishes every {@code interval}; a stop lets a run waiting for the broker's confirms finish.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    @Bean
    PeriodicTask outboxRelayLoop(OutboxRelay relay, RelayProperties properties) {
        return PeriodicTask.every(properties.interval(), "outbox-relay", relay::relayRegularly)
                .finishingWithin(properties.confirmTimeout().plusSeconds(1));
    }

    @Bean
    Declarables notificationTopology(BrokerProperties broker) {
        DirectExchange exchange = new DirectExchange(broker.exchange(), true, false);
        List<org.springframework.amqp.core.Declarable> declarables = new ArrayList<>();
        declarables.add(exchange);
        for (Channel channel : Channel.values()) {
            QueueBuilder builder = QueueBuilder.durable(broker.queue(channel));
            Queue queue = broker.quorum() ? builder.quorum().build() : builder.build();
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(broker.routingKey(channel));
            declarables.add(queue);
            declarables.add(binding);
        }
        return new Declarables(declarables);
    }

    /**
     * Workers publish retries from their consumer threads: on a connection of their own, so that the broker
     * blocking publishers (a memory or disk alarm) cannot also stall the consumers' acks.
     */
    @Bean
    RabbitTemplateCustomizer publishOnASeparateConnection() {
        return template -> template.setUsePublisherConnection(true);
    }
}
