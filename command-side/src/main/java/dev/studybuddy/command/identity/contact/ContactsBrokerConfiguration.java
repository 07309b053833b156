package dev.studybuddy.command.identity.contact;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** command-side owns the identity exchange; RabbitAdmin declares it again on every reconnect. */
@Configuration(proxyBeanMethods = false)
class ContactsBrokerConfiguration {

    @Bean
    TopicExchange identityExchange(ContactsProperties properties) {
        return new TopicExchange(properties.exchange(), true, false);
    }
}
