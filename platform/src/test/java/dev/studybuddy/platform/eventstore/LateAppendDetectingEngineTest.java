package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** Appends stored within the look-back window of their events' timestamps pass quietly; later ones are counted. */
class LateAppendDetectingEngineTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private static final Duration LOOK_BACK = Duration.ofSeconds(1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final LateAppendDetectingEngine engine =
            new LateAppendDetectingEngine(store, LOOK_BACK, registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAppendWithinTheWindowIsTimedAndNotCounted() {
        engine.appendEvents(List.of(event("a", 0, NOW.minusMillis(200)), event("a", 1, NOW.minusMillis(100))));

        assertThat(storedCount()).isEqualTo(2);
        assertThat(late()).isZero();
        assertThat(registry.get("studybuddy.eventstore.append.age").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("studybuddy.eventstore.append.age").timer().max(TimeUnit.MILLISECONDS))
                .isEqualTo(200);
    }

    @Test
    void theEventsStoredLaterThanTheWindowAreCounted() {
        engine.appendEvents(List.of(
                event("a", 0, NOW.minusMillis(1_500)),
                event("a", 1, NOW.minusMillis(1_000)), // exactly the window: still found
                event("a", 2, NOW.minusMillis(300))));

        assertThat(storedCount()).isEqualTo(3);
        assertThat(late()).isEqualTo(1);
        assertThat(registry.get("studybuddy.eventstore.append.age").timer().max(TimeUnit.MILLISECONDS))
                .isEqualTo(1_500);
    }

    @Test
    void aFailedAppendIsNeitherTimedNorCounted() {
        InMemoryEventStorageEngine refusing = new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                throw new ConcurrencyException("lost the race");
            }
        };
        LateAppendDetectingEngine detecting =
                new LateAppendDetectingEngine(refusing, LOOK_BACK, registry, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> detecting.appendEvents(List.of(event("a", 0, NOW.minusMillis(5_000)))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(late()).isZero();
        assertThat(registry.get("studybuddy.eventstore.append.age").timer().count())
                .isZero();
    }

    private double late() {
        return registry.get("studybuddy.eventstore.appends.late").counter().count();
    }

    private long storedCount() {
        return store.readEvents("a", 0).asStream().count();
    }

    private static EventMessage<?> event(String aggregateId, long sequence, Instant timestamp) {
        return new GenericDomainEventMessage<>(
                "Test",
                aggregateId,
                sequence,
                "payload " + sequence,
                MetaData.emptyInstance(),
                "id-" + aggregateId + sequence,
                timestamp);
    }
}
