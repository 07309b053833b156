package dev.studybuddy.platform.eventstore;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * In-memory storage that answers each {@code readEvents} with the events stored at that moment, as a database's query
 * does. The in-memory storage's own stream is a live view that goes on to give out every later event, so a stream of
 * the embedded store that had opened one never had to come back to the store's shared cache.
 */
class SnapshotReadingStorage extends InMemoryEventStorageEngine {

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return super.readEvents(trackingToken, mayBlock).toList().stream();
    }
}
