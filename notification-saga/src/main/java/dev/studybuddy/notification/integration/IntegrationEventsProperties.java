package dev.studybuddy.notification.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param exchange       the durable topic exchange every domain event is forwarded to
 * @param batchSize      events forwarded per processor batch (one wait for confirms per batch)
 * @param confirmTimeout how long a batch waits for the broker's confirms before it fails and is retried
 */
@ConfigurationProperties("studybuddy.integration-events")
public record IntegrationEventsProperties(String exchange, int batchSize, Duration confirmTimeout) {

    public IntegrationEventsProperties {
        exchange = exchange == null || exchange.isBlank() ? "studybuddy.events" : exchange;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(10) : confirmTimeout;
    }
}
