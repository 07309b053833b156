package dev.studybuddy.notification.delivery;

import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.outbox.BrokerProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exponential back-off on the broker: a failed delivery's message goes to the retry exchange, which routes it
 * to the wait queue of its channel and back-off; when the queue's TTL expires RabbitMQ dead-letters it to the
 * notification exchange, under its channel's routing key, and a worker tries again. A notification out of
 * attempts goes to the dead-letter exchange and stays in its queue, for operators, at most {@link #DEAD_LETTERS_KEPT}
 * of them and for at most {@link #DEAD_LETTERS_TTL}: the oldest go first (the log's DEAD rows stay the record).
 * Quorum wait queues dead-letter at-least-once (which needs {@code reject-publish} overflow), so no waiting message
 * is dropped on the way back.
 */
@Configuration(proxyBeanMethods = false)
class RetryTopology {

    static final int DEAD_LETTERS_KEPT = 10_000;
    static final Duration DEAD_LETTERS_TTL = Duration.ofDays(14);

    @Bean
    Declarables retriesAndDeadLetters(BrokerProperties broker, DeliveryProperties delivery) {
        List<Declarable> declarables = new ArrayList<>();
        DirectExchange retries = new DirectExchange(broker.retryExchange(), true, false);
        declarables.add(retries);
        for (Channel channel : Channel.values()) {
            for (Duration backoff : delivery.backoffs()) {
                Queue wait = waitQueue(broker, channel, backoff);
                declarables.add(wait);
                declarables.add(BindingBuilder.bind(wait).to(retries).with(wait.getName()));
            }
        }
        FanoutExchange dead = new FanoutExchange(broker.deadLetterExchange(), true, false);
        Queue deadLetters = deadLetterQueue(broker.deadLetterQueue(), broker.quorum());
        Binding deadBinding = BindingBuilder.bind(deadLetters).to(dead);
        declarables.add(dead);
        declarables.add(deadLetters);
        declarables.add(deadBinding);
        return new Declarables(declarables);
    }

    /** Bounded: a full queue drops its oldest message, and a message is dropped after the TTL. */
    static Queue deadLetterQueue(String name, boolean quorum) {
        QueueBuilder builder = QueueBuilder.durable(name)
                .maxLength(DEAD_LETTERS_KEPT)
                .overflow(QueueBuilder.Overflow.dropHead)
                .ttl(Math.toIntExact(DEAD_LETTERS_TTL.toMillis()));
        return quorum ? builder.quorum().build() : builder.build();
    }

    private static Queue waitQueue(BrokerProperties broker, Channel channel, Duration backoff) {
        QueueBuilder builder = QueueBuilder.durable(broker.waitQueue(channel, backoff))
                .ttl(Math.toIntExact(backoff.toMillis()))
                .deadLetterExchange(broker.exchange())
                .deadLetterRoutingKey(broker.routingKey(channel));
        if (broker.quorum()) {
            builder.quorum()
                    .overflow(QueueBuilder.Overflow.rejectPublish)
                    .withArgument("x-dead-letter-strategy", "at-least-once");
        }
        return builder.build();
    }
}
