package dev.studybuddy.notification.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param interval        pause between two relay runs
 * @param batchSize       rows claimed and published per run
 * @param confirmTimeout  how long a run waits for the broker's confirms before leaving the rows for the next run
 * @param republishAfter  a PUBLISHED row still undelivered after this long, or a FAILED row this long past its
 *                        back-off, is published again (its message was lost on the broker side, e.g. dropped
 *                        as poison, or never handed back); the worker skips what was delivered
 */
@ConfigurationProperties("studybuddy.notifications.relay")
public record RelayProperties(Duration interval, int batchSize, Duration confirmTimeout, Duration republishAfter) {

    public RelayProperties {
        interval = interval == null ? Duration.ofSeconds(1) : interval;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(10) : confirmTimeout;
        republishAfter = republishAfter == null ? Duration.ofMinutes(15) : republishAfter;
    }
}
