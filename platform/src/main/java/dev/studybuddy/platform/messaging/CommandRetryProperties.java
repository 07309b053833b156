package dev.studybuddy.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often a command that lost a concurrent-append race on its aggregate is tried again. */
@ConfigurationProperties("studybuddy.commands.retry")
public record CommandRetryProperties(
        @DefaultValue("5") int maxRetries,
        @DefaultValue("20") long backoffMillis) {}
