package dev.studybuddy.command.file;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@link BlobGarbageCollector} runs ({@code studybuddy.files.collection.*}).
 *
 * @param interval  between runs
 * @param grace     how long stored bytes stay after the last upload that stored them, however unused:
 *                  far longer than an upload takes from storing its bytes to registering its file
 * @param batchSize contents removed per transaction
 */
@ConfigurationProperties("studybuddy.files.collection")
record BlobCollection(Duration interval, Duration grace, int batchSize) {

    BlobCollection {
        interval = interval == null ? Duration.ofMinutes(10) : interval;
        grace = grace == null ? Duration.ofHours(1) : grace;
        batchSize = batchSize <= 0 ? 100 : batchSize;
    }
}
