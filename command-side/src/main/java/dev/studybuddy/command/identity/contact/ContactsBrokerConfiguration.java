package dev.studybuddy.command.identity.contact;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * command-side owns the identity exchange; RabbitAdmin declares it again on every reconnect. The contact outbox is
 * relayed to it every {@code relay-interval}; a stop lets a run waiting for the broker's confirms finish.
 */
@Configuration(proxyBeanMethods = false)
class ContactsBrokerConfiguration {

    @Bean
    TopicExchange identityExchange(ContactsProperties properties) {
        return new TopicExchange(properties.exchange(), true, false);
    }

    @Bean
    PeriodicTask contactOutboxRelayLoop(ContactOutboxRelay relay, ContactsProperties properties) {
        return PeriodicTask.every(properties.relayInterval(), "contact-outbox-relay", relay::relayRegularly)
                .finishingWithin(properties.confirmTimeout().plusSeconds(1));
    }
}
