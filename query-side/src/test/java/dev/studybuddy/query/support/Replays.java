package dev.studybuddy.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Replays a projection from the start of the event store and proves it rebuilds the same rows. */
public final class Replays {

    private Replays() {}

    /**
     * Waits until the processor is caught up, takes {@code rows} (every table of the projection, in a
     * stable order), resets the processor, checks the reset emptied them, and waits until the replay has
     * rebuilt exactly what was there.
     */
    public static void assertReplayRebuilds(
            EventProcessingConfiguration processing,
            String processingGroup,
            Supplier<Map<String, List<Map<String, Object>>>> rows) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(processor));
        Map<String, List<Map<String, Object>>> before = rows.get();
        assertThat(before.values())
                .as("something to rebuild")
                .allSatisfy(table -> assertThat(table).isNotEmpty());

        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(rows.get().values())
                    .allSatisfy(table -> assertThat(table).isEmpty());
        } finally {
            processor.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(rows.get()).isEqualTo(before));
    }

    private static boolean caughtUp(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
