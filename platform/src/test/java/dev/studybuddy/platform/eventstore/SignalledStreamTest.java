package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignalledStreamTest {

    private static final long INTERVAL = Duration.ofMillis(250).toNanos();
    private static final long MILLI = Duration.ofMillis(1).toNanos();

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Set<SignalledStream> listening = ConcurrentHashMap.newKeySet();
    private final SignalledStream stream = new SignalledStream(store.openStream(null), listening, INTERVAL);
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        stream.close();
        store.shutDown();
    }

    @Test
    void eventsOfATypeTheProcessorSkipsWakeItOnlyOncePerInterval() {
        stream.setOnAvailableCallback(calls::incrementAndGet);
        long start = System.nanoTime();

        stream.arrived(List.of(event("words")), start);
        assertThat(calls)
                .as("a type not yet known to be skipped wakes the processor")
                .hasValue(1);

        stream.skipMessagesWithPayloadTypeOf(event("words"));
        stream.arrived(List.of(event("more words"), event("and more")), start + 10 * MILLI);
        stream.arrived(List.of(), start + 100 * MILLI);
        assertThat(calls).as("skipped events within the interval wake no one").hasValue(1);

        stream.arrived(List.of(), start + 250 * MILLI);
        assertThat(calls)
                .as("skipped events that waited the interval wake the processor")
                .hasValue(2);

        stream.arrived(List.of(event("words again")), start + 260 * MILLI);
        assertThat(calls).hasValue(2);
        stream.arrived(List.of(event("words again"), event(42)), start + 270 * MILLI);
        assertThat(calls)
                .as("an event it may handle wakes it at once, skipped ones beside it or not")
                .hasValue(3);

        stream.arrived(List.of(), start + 600 * MILLI);
        assertThat(calls)
                .as("the skipped events before it were passed when the processor looked for the handled one")
                .hasValue(3);

        stream.arrived(List.of(event("after a quiet spell")), start + 900 * MILLI);
        assertThat(calls).as("the interval bounds how often, it is not a delay").hasValue(4);
    }

    @Test
    void eventsItSkipsWakeAProcessorNeverCalledBeforeAtOnce() {
        stream.setOnAvailableCallback(calls::incrementAndGet);
        stream.skipMessagesWithPayloadTypeOf(event("words"));

        stream.arrived(List.of(event("words")), System.nanoTime());

        assertThat(calls).hasValue(1);
    }

    @Test
    void aStreamIsCalledBackOnlyWhileOpen() {
        stream.setOnAvailableCallback(calls::incrementAndGet);
        assertThat(listening).containsExactly(stream);

        stream.close();

        assertThat(listening).isEmpty();
    }

    private static TrackedEventMessage<?> event(Object payload) {
        return new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(1), GenericEventMessage.asEventMessage(payload));
    }
}
