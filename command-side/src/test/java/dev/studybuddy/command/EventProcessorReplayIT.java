package dev.studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.ReplayProbes;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0009: with Mongo tracking tokens, Axon 4.12.3 and 4.13.0 treat replayed events as live. This
 * proves, on the version we pin, that a replay delivers every event exactly once and that {@code @DisallowReplay}
 * handlers stay silent during it. The defect shows only for events more than a second (the Mongo token's look-back
 * window) older than the reset point, so the test lets its events age before it resets.
 */
@CommandSideIT
class EventProcessorReplayIT {

    /** axon-mongo's default look-back: events within it of the reset point are replayed correctly even by broken versions. */
    private static final Duration LOOK_BACK_WINDOW = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Autowired
    ReplayProbes.Replayable replayable;

    @Autowired
    ReplayProbes.LiveOnly liveOnly;

    @Test
    void replayDeliversEveryEventExactlyOnceAndKeepsDisallowedHandlersSilent() throws Exception {
        ApiClient client = ApiClient.on(port);
        for (int i = 0; i < 12; i++) {
            Accounts.register(client, Accounts.uniqueUsername("replay"));
        }
        List<String> stored = storedRegistrations();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(replayable.eventIds).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(liveOnly.eventIds).containsExactlyInAnyOrderElementsOf(stored);
        });
        int liveBefore = liveOnly.eventIds.size();
        Thread.sleep(LOOK_BACK_WINDOW.multipliedBy(2).toMillis());

        StreamingEventProcessor processor = processing
                .eventProcessor(ReplayProbes.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(processor.isReplaying()).isFalse();
            assertThat(replayable.eventIds).hasSameSizeAs(stored);
        });
        assertThat(replayable.resets).hasValue(1);
        assertThat(replayable.eventIds)
                .containsExactlyInAnyOrderElementsOf(stored)
                .doesNotHaveDuplicates();
        assertThat(liveOnly.eventIds).hasSize(liveBefore);

        String username = Accounts.uniqueUsername("afterreplay");
        Accounts.register(client, username);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(liveOnly.eventIds).hasSize(liveBefore + 1));
        assertThat(replayable.eventIds).hasSize(stored.size() + 1).doesNotHaveDuplicates();
    }

    private List<String> storedRegistrations() throws Exception {
        List<String> ids = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                EventMessage<?> event = stream.nextAvailable();
                if (event.getPayloadType().equals(UserRegisteredEvent.class)) {
                    ids.add(event.getIdentifier());
                }
            }
        }
        return ids;
    }
}
