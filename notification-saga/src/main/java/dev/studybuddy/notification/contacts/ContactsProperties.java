package dev.studybuddy.notification.contacts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where e-mail address changes come from: command-side's identity exchange, into this service's own queue.
 *
 * @param exchange   the durable topic exchange command-side publishes to (declared here too, so the binding does
 *                   not depend on which service starts first)
 * @param routingKey routing key of contact changes
 * @param queue      this service's durable queue (quorum when {@code studybuddy.notifications.broker.quorum})
 * @param retryDelay pause before a message that could not be stored (PostgreSQL trouble) is handed back to the queue
 */
@ConfigurationProperties("studybuddy.notifications.contacts")
public record ContactsProperties(String exchange, String routingKey, String queue, Duration retryDelay) {

    public ContactsProperties {
        exchange = exchange == null ? "studybuddy.identity" : exchange;
        routingKey = routingKey == null ? "contact.changed" : routingKey;
        queue = queue == null ? "studybuddy.notifications.contacts" : queue;
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
    }
}
