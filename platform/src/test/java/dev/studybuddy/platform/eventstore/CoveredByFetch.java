package dev.studybuddy.platform.eventstore;

import java.time.Duration;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

/**
 * docs/adr/0023's rule written out plainly, to check the event store's tokens against: a token covers another when
 * its timestamp is not later and every event of the other's window is either in the token's window or stamped before
 * the token's time minus the look-back window (a fetch from the token would not read it again).
 */
final class CoveredByFetch {

    private CoveredByFetch() {}

    static boolean covers(MongoTrackingToken token, MongoTrackingToken other, Duration lookBack) {
        if (other.getTimestamp().isAfter(token.getTimestamp())) {
            return false;
        }
        long readAgainFrom = token.getTimestamp().toEpochMilli() - lookBack.toMillis();
        return other.getTrackedEvents().entrySet().stream()
                .allMatch(event ->
                        token.getTrackedEvents().containsKey(event.getKey()) || event.getValue() < readAgainFrom);
    }
}
