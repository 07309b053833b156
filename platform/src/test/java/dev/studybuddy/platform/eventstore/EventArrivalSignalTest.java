package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventArrivalSignalTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final EventArrivalSignal signal = new EventArrivalSignal(store);

    @AfterEach
    void stop() {
        signal.close();
        store.shutDown();
    }

    @Test
    void anOpenStreamIsCalledBackWhenEventsArriveAndNoLongerOnceClosed() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = signal.openStream(null);
        CountDownLatch called = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(() -> {
                    calls.incrementAndGet();
                    called.countDown();
                }))
                .as("the stream accepts a callback, so the processor does not fall back to polling")
                .isTrue();
        Thread.sleep(200);
        assertThat(calls).as("nothing arrived yet").hasValue(0);

        store.publish(GenericEventMessage.asEventMessage("first"));

        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");

        stream.close();
        int before = calls.get();
        store.publish(GenericEventMessage.asEventMessage("second"));
        BlockingStream<TrackedEventMessage<?>> later = signal.openStream(null);
        CountDownLatch laterCalled = new CountDownLatch(1);
        later.setOnAvailableCallback(laterCalled::countDown);
        store.publish(GenericEventMessage.asEventMessage("third"));
        assertThat(laterCalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).as("a closed stream is not called back").hasValue(before);
        later.close();
    }
}
