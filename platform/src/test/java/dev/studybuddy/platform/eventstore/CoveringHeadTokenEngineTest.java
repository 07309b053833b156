package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processor that replays the history up to the head (as a projection that starts on an existing store
 * does) sees every stored event as a replay, keeps the head as its token at reset however long the history,
 * and leaves the replay at the first event appended after the head.
 */
class CoveringHeadTokenEngineTest {

    private static final int HISTORY = 1_200;

    private StandInStore standIn;
    private EventStorageEngine engine;

    @BeforeEach
    void startStore() {
        standIn = new StandInStore("heads", MongoEventStoreConfiguration.DEFAULT_FETCH_BATCH_SIZE);
        engine = standIn.store().engine();
    }

    @AfterEach
    void stopStore() {
        standIn.close();
    }

    @Test
    void aReplayUpToTheHeadSeesEveryStoredEventAsReplayedAndEndsAfterIt() {
        // a dense history: a millisecond apart, so that hundreds of events fall in each look-back window
        Instant start = Instant.now().minusSeconds(60);
        List<GenericDomainEventMessage<String>> history = new ArrayList<>();
        for (int i = 0; i < HISTORY; i++) {
            history.add(new GenericDomainEventMessage<>(
                    "Group", "group-" + (i % 7), i / 7, "event " + i, Map.of(), "event-" + i, start.plusMillis(i)));
        }
        for (int from = 0; from < HISTORY; from += 400) {
            engine.appendEvents(history.subList(from, from + 400));
        }
        TrackingToken head = engine.createHeadToken();
        TrackingToken token = ReplayToken.createReplayToken(head, engine.createTailToken());

        List<TrackedEventMessage<?>> read = readAll(token);
        assertThat(read).hasSize(HISTORY);
        for (TrackedEventMessage<?> event : read) {
            token = WrappedToken.advance(token, event.trackingToken());
            assertThat(ReplayToken.isReplay(token))
                    .as("%s is a replay", event.getIdentifier())
                    .isTrue();
            assertThat(((ReplayToken) token).getTokenAtReset())
                    .as("the token at reset does not grow")
                    .isEqualTo(head);
        }

        engine.appendEvents(List.of(
                new GenericDomainEventMessage<>("Group", "group-new", 0, "new", Map.of(), "event-new", Instant.now())));
        List<TrackedEventMessage<?>> next = readAll(token);
        assertThat(next).extracting(TrackedEventMessage::getIdentifier).containsExactly("event-new");
        token = WrappedToken.advance(token, next.get(0).trackingToken());
        assertThat(ReplayToken.isReplay(token))
                .as("an event after the head is live")
                .isFalse();
    }

    @Test
    void anEmptyStoreHasAHeadToken() {
        assertThat(engine.createHeadToken()).isNotNull();
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events =
                engine.readEvents(WrappedToken.unwrapLowerBound(from), false)) {
            return new ArrayList<>(events.toList());
        }
    }
}
