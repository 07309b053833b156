package dev.studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.ReplayProbes;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * window) older than the reset point, the token the processor holds when it is reset, which is the newest event's.
 * Events appended in a tight loop are all within that second of the newest, so the test appends in two waves with
 * twice the window between them, and checks that the first wave is older than the reset point by more than the window.
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
        registerSix(client);
        Thread.sleep(LOOK_BACK_WINDOW.multipliedBy(2).toMillis());
        registerSix(client);
        List<StoredEvent> history = storedEvents();
        List<String> stored = history.stream()
                .filter(event -> event.payloadType().equals(UserRegisteredEvent.class))
                .map(StoredEvent::id)
                .toList();
        Instant resetPoint = history.get(history.size() - 1).timestamp();
        assertThat(history.stream()
                        .filter(event -> event.payloadType().equals(UserRegisteredEvent.class))
                        .filter(event -> event.timestamp().isBefore(resetPoint.minus(LOOK_BACK_WINDOW))))
                .as("registrations older than the reset point by more than the look-back window")
                .hasSizeGreaterThanOrEqualTo(6);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(replayable.eventIds).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(liveOnly.eventIds).containsExactlyInAnyOrderElementsOf(stored);
        });
        int liveBefore = liveOnly.eventIds.size();

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

    private static void registerSix(ApiClient client) {
        for (int i = 0; i < 6; i++) {
            Accounts.register(client, Accounts.uniqueUsername("replay"));
        }
    }

    /** Every stored event, oldest first: the last one is where the processor's token stands once it caught up. */
    private List<StoredEvent> storedEvents() throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                EventMessage<?> event = stream.nextAvailable();
                events.add(new StoredEvent(event.getIdentifier(), event.getPayloadType(), event.getTimestamp()));
            }
        }
        return events;
    }

    private record StoredEvent(String id, Class<?> payloadType, Instant timestamp) {}
}
