package dev.studybuddy.command.identity.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where e-mail address changes go, and how the outbox relay runs.
 *
 * @param exchange       durable topic exchange that command-side declares and publishes to
 * @param routingKey     routing key of every contact change
 * @param relayInterval  pause between two relay runs
 * @param batchSize      rows claimed and published per run
 * @param confirmTimeout how long a run waits for the broker's confirms before leaving the rows for the next run
 * @param keepPublished  published rows are deleted after this long (they hold addresses, which should not linger)
 */
@ConfigurationProperties("studybuddy.identity.contacts")
public record ContactsProperties(
        @DefaultValue("studybuddy.identity") String exchange,
        @DefaultValue("contact.changed") String routingKey,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("7d") Duration keepPublished) {

    public ContactsProperties {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("studybuddy.identity.contacts.batch-size must be positive");
        }
    }
}
