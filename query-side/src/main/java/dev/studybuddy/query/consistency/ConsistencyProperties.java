package dev.studybuddy.query.consistency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes: how long a query that carries a consistency token waits for its projection, and
 * how often it looks.
 */
@ConfigurationProperties("studybuddy.consistency")
public record ConsistencyProperties(
        @DefaultValue("5s") Duration maxWait,
        @DefaultValue("25ms") Duration pollInterval) {}
