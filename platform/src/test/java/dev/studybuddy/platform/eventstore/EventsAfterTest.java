package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.studybuddy.platform.audit.EventsAfter;
import dev.studybuddy.platform.audit.StoredEvents;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events after a time, as the projections' status reports them: exact up to the bound, estimated beyond it, and
 * never costing more index keys than the bound however many events follow.
 */
class EventsAfterTest {

    private static final int EVENTS = 3_000;
    private static final long BOUND = 100;
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    record Renamed(String name) {}

    private StandInStore standIn;
    private StoredEvents storedEvents;

    @BeforeEach
    void storeOneEventAMillisecond() {
        standIn = new StandInStore("audit", 100);
        storedEvents = standIn.store().storedEvents();
        EventStorageEngine engine = standIn.store().engine();
        for (int i = 0; i < EVENTS; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>(
                    "Group",
                    "group-" + (i % 10),
                    i / 10,
                    new Renamed("name " + i),
                    Map.of(),
                    UUID.randomUUID().toString(),
                    START.plusMillis(i)));
        }
    }

    @AfterEach
    void stopStore() {
        standIn.close();
    }

    @Test
    void aFewEventsAreCountedExactly() {
        EventsAfter.Count count = new EventsAfter(storedEvents, BOUND).after(START.plusMillis(EVENTS - 51));

        assertThat(count).isEqualTo(new EventsAfter.Count(50, true));
        assertThat(new EventsAfter(storedEvents, BOUND).after(START.plusMillis(EVENTS - 1 - BOUND)))
                .as("exactly the bound")
                .isEqualTo(new EventsAfter.Count(BOUND, true));
        assertThat(new EventsAfter(storedEvents, BOUND).after(START.plusMillis(EVENTS)))
                .isEqualTo(new EventsAfter.Count(0, true));
    }

    @Test
    void manyEventsAreEstimatedFromTheTimesAndCostAtMostTheBound() {
        EventsAfter events = new EventsAfter(storedEvents, BOUND);
        long keysBefore = standIn.queryExecutor("scanned");

        EventsAfter.Count count = events.after(START.plusMillis(999));

        assertThat(count.exact()).isFalse();
        assertThat((double) count.events()).isCloseTo(EVENTS - 1_000, within(EVENTS * 0.01));
        // the capped count, and the first and last events' times
        assertThat(standIn.queryExecutor("scanned") - keysBefore).isLessThanOrEqualTo(BOUND + 1 + 2);
        long keysBeforeSecond = standIn.queryExecutor("scanned");
        assertThat(events.after(START.plusMillis(10)).events()).isBetween(EVENTS - 20L, (long) EVENTS);
        assertThat(standIn.queryExecutor("scanned") - keysBeforeSecond)
                .as("a second count of the same report: only the capped count")
                .isLessThanOrEqualTo(BOUND + 1);
    }

    @Test
    void noPositionIsEveryEvent() {
        assertThat(new EventsAfter(storedEvents, BOUND).after(null)).isEqualTo(new EventsAfter.Count(EVENTS, true));
    }
}
