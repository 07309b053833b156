package dev.studybuddy.notification.contacts;

import dev.studybuddy.notification.outbox.BrokerProperties;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contacts queue, bound to command-side's identity exchange; RabbitAdmin re-declares both on every reconnect. */
@Configuration(proxyBeanMethods = false)
class ContactsBrokerConfiguration {

    @Bean
    Declarables contactsTopology(ContactsProperties contacts, BrokerProperties broker) {
        TopicExchange exchange = new TopicExchange(contacts.exchange(), true, false);
        QueueBuilder builder = QueueBuilder.durable(contacts.queue());
        Queue queue = broker.quorum() ? builder.quorum().build() : builder.build();
        return new Declarables(
                exchange, queue, BindingBuilder.bind(queue).to(exchange).with(contacts.routingKey()));
    }
}
