package dev.studybuddy.platform.eventstore;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

/**
 * axon-mongo's engine, whose tracked event streams end with the first batch shorter than the fetch batch size
 * instead of asking the store once more for a batch that comes back empty.
 * <p>
 * Axon's {@code BatchingEventStorageEngine} ends a tracked stream only at an empty batch, whatever the storage: a
 * short batch may not mean the end where a fetch leaves gaps out. Here the fetch is {@link WindowSharingStorageStrategy}'s,
 * which reads its query's cursor until it has a full batch of events the token has not seen, so a short batch means
 * the query found nothing more. Axon's embedded store reads a stream to its end after every announcement of new
 * events, on every node: each such round cost a query that found the events, one that found nothing, and the
 * producer's next round another that found nothing; now the second is gone. An event stored after the short batch's
 * query is read as it would have been after the empty one: at the next round, which its append's announcement (or the
 * store's poll) starts.
 */
final class FinalBatchAwareMongoEventStorageEngine extends MongoEventStorageEngine {

    FinalBatchAwareMongoEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return StreamSupport.stream(new Batches(trackingToken), false);
    }

    /** The events after a token, one fetch at a time, ending after a short fetch. */
    private final class Batches extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
        private boolean finalBatchFetched;

        Batches(TrackingToken start) {
            super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT | CONCURRENT);
            this.last = start;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!batch.hasNext()) {
                if (finalBatchFetched) {
                    return false;
                }
                List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(last, batchSize());
                finalBatchFetched = fetched.size() < batchSize();
                batch = fetched.iterator();
                if (!batch.hasNext()) {
                    return false;
                }
            }
            TrackedEventData<?> next = batch.next();
            last = next.trackingToken();
            action.accept(next);
            return true;
        }
    }
}
