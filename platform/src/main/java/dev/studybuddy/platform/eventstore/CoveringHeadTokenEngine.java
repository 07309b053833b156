package dev.studybuddy.platform.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Gives axon-mongo's engine a head token that covers the history before it. axon-mongo's own head token is
 * "now" with no event ids, and a Mongo token with no ids covers no token that has any: a processor replaying
 * up to it ({@code ReplayToken}) takes every historic event for a new one (so its {@code @DisallowReplay}
 * handlers run on the past), and merges every event's id into the token at reset, which
 * {@code MongoTrackingToken.upperBound} never trims, so each event costs more than the one before. The head
 * token here is the one a processor would hold after reading the newest events: their ids within the
 * look-back window, and so it covers everything stored before it.
 */
public class CoveringHeadTokenEngine extends DelegatingEventStorageEngine {

    private final Supplier<Optional<Instant>> newestTimestamp;
    private final Duration lookBack;

    /**
     * @param newestTimestamp the time of the newest stored event
     * @param lookBack        how far before a token's time the engine looks for events it has not seen
     */
    public CoveringHeadTokenEngine(
            EventStorageEngine delegate, Supplier<Optional<Instant>> newestTimestamp, Duration lookBack) {
        super(delegate);
        this.newestTimestamp = newestTimestamp;
        this.lookBack = lookBack;
    }

    @Override
    public TrackingToken createHeadToken() {
        Optional<Instant> newest = newestTimestamp.get();
        if (newest.isEmpty()) {
            return delegate.createHeadToken();
        }
        try (Stream<? extends TrackedEventMessage<?>> latest =
                delegate.readEvents(delegate.createTokenAt(newest.get().minus(lookBack)), false)) {
            return latest.map(TrackedEventMessage::trackingToken)
                    .reduce((earlier, later) -> later)
                    .orElseGet(delegate::createHeadToken);
        }
    }
}
