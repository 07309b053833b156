package dev.studybuddy.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.group.Group;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.DefaultSnapshotterSpanFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.tracing.NoOpSpanFactory;
import org.junit.jupiter.api.Test;

/** The command whose event crosses a snapshot threshold does not wait for the snapshot: a thread of its own takes it. */
class BackgroundSnapshotsTest {

    @Test
    void aScheduledSnapshotIsTakenOnTheSnapshotThreadWhileTheSchedulerGoesOn() throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicReference<String> readOn = new AtomicReference<>();
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                readOn.set(Thread.currentThread().getName());
                reading.countDown();
                awaitQuietly(mayFinish);
                return super.readEvents(aggregateIdentifier, firstSequenceNumber);
            }
        };
        BackgroundSnapshots snapshots = new BackgroundSnapshots();
        try {
            Snapshotter snapshotter = snapshots.aggregateSnapshotter(
                    DefaultConfigurer.defaultConfiguration().buildConfiguration(),
                    ClasspathHandlerDefinition.forClass(getClass()),
                    ClasspathParameterResolverFactory.forClass(getClass()),
                    EmbeddedEventStore.builder().storageEngine(engine).build(),
                    NoTransactionManager.INSTANCE,
                    DefaultSnapshotterSpanFactory.builder()
                            .spanFactory(NoOpSpanFactory.INSTANCE)
                            .build());

            snapshotter.scheduleSnapshot(Group.class, "group-1");

            // scheduling returned although the snapshot's read of the stream is held up until the end of the test
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(readOn.get()).startsWith("aggregate-snapshotter-");
        } finally {
            mayFinish.countDown();
            snapshots.destroy();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
