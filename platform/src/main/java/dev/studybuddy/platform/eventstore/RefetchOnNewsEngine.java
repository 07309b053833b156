package dev.studybuddy.platform.eventstore;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The engine as the embedded store's producer reads it: a tailing stream read to its end is not asked again straight
 * away unless there is news of events ({@link #eventsMayHaveArrived()}: an append in this process, an announcement
 * from another).
 * <p>
 * Axon's producer reads the store, and when it found events reads it once more at once before it waits for the next
 * poll or a signal; that second read finds nothing unless events were stored meanwhile, and every such event comes
 * with news: this process's commit, or another's announcement ({@link AppendAnnouncements}). Under load that read
 * was every other store query of every node. So the second read costs nothing when no news came since the first began
 * (it is an empty stream, once), and the store's poll ({@code fetch-delay}) still reads whatever came without news
 * (an announcement lost). Only the producer's reads ({@code mayBlock}) are followed; a processor's own stream, behind
 * the producer's cache, always reads.
 */
final class RefetchOnNewsEngine extends DelegatingEventStorageEngine {

    private final AtomicLong news = new AtomicLong();
    private volatile ReadToEnd lastRead;

    /** What a tailing read had seen when it ended, and the news there had been when it began. */
    private record ReadToEnd(TrackingToken end, long newsBefore) {}

    RefetchOnNewsEngine(EventStorageEngine delegate) {
        super(delegate);
    }

    /** Call before waking the producer: the next read after a read to the end then asks the store. */
    void eventsMayHaveArrived() {
        news.incrementAndGet();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return delegate.readEvents(trackingToken, false);
        }
        ReadToEnd previous = lastRead;
        lastRead = null;
        long newsBefore = news.get();
        if (previous != null && previous.end() == trackingToken && previous.newsBefore() == newsBefore) {
            return Stream.empty();
        }
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, true);
        return StreamSupport.stream(new Followed(events, trackingToken, newsBefore), false)
                .onClose(events::close);
    }

    /** Passes the events on and notes where the stream ended. */
    private final class Followed extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {

        private final Spliterator<? extends TrackedEventMessage<?>> events;
        private final long newsBefore;
        private TrackingToken last;

        Followed(Stream<? extends TrackedEventMessage<?>> events, TrackingToken start, long newsBefore) {
            super(Long.MAX_VALUE, ORDERED | NONNULL);
            this.events = events.spliterator();
            this.last = start;
            this.newsBefore = newsBefore;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            boolean advanced = events.tryAdvance(event -> {
                last = event.trackingToken();
                action.accept(event);
            });
            if (!advanced) {
                lastRead = new ReadToEnd(last, newsBefore);
            }
            return advanced;
        }
    }
}
