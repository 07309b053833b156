package dev.studybuddy.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.junit.jupiter.api.Test;

class EventProcessorLagTest {

    static final Instant NEWEST = Instant.parse("2026-01-01T12:00:00Z");

    final EventStore eventStore = mock(EventStore.class);
    final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    final EventProcessorLag lag =
            new EventProcessorLag(mock(EventProcessingConfiguration.class), eventStore, new SimpleMeterRegistry());

    @Test
    void isTheNewestEventsTimeMinusWhereTheFurthestBehindSegmentStands() {
        when(eventStore.createHeadToken()).thenReturn(at(NEWEST));
        segments(at(NEWEST), at(NEWEST.minusSeconds(42)), at(NEWEST.minusSeconds(3)));

        assertThat(lag.lagSeconds(processor)).isEqualTo(42.0);
    }

    @Test
    void isZeroOnceCaughtUpHoweverOldTheNewestEventIs() {
        Instant longAgo = NEWEST.minusSeconds(86_400);
        when(eventStore.createHeadToken()).thenReturn(at(longAgo));
        segments(at(longAgo), at(longAgo));

        assertThat(lag.lagSeconds(processor)).isZero();
    }

    @Test
    void duringAReplayCountsFromWhereTheReplayStands() {
        when(eventStore.createHeadToken()).thenReturn(at(NEWEST));
        segments(ReplayToken.createReplayToken(at(NEWEST), at(NEWEST.minusSeconds(600))));

        assertThat(lag.lagSeconds(processor)).isEqualTo(600.0);
    }

    @Test
    void aSegmentWithoutATokenCountsFromTheOldestEvent() {
        when(eventStore.createHeadToken()).thenReturn(at(NEWEST));
        when(eventStore.createTailToken()).thenReturn(at(NEWEST.minusSeconds(3600)));
        segments(at(NEWEST), null);

        assertThat(lag.lagSeconds(processor)).isEqualTo(3600.0);
    }

    @Test
    void isNaNOnANodeThatHoldsNoSegmentAndZeroForAnEmptyStore() {
        segments();
        assertThat(lag.lagSeconds(processor)).isNaN();

        segments((TrackingToken) null);
        assertThat(lag.lagSeconds(processor)).isZero();
    }

    private void segments(TrackingToken... tokens) {
        Map<Integer, EventTrackerStatus> status = new HashMap<>();
        for (int segment = 0; segment < tokens.length; segment++) {
            EventTrackerStatus tracker = mock(EventTrackerStatus.class);
            when(tracker.getTrackingToken()).thenReturn(tokens[segment]);
            status.put(segment, tracker);
        }
        when(processor.processingStatus()).thenReturn(status);
    }

    private static MongoTrackingToken at(Instant time) {
        return MongoTrackingToken.of(time, "event-at-" + time);
    }
}
