package dev.studybuddy.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import org.axonframework.common.Assert;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

/**
 * A Mongo token whose {@link #covers} gives axon-mongo's answer without walking the look-back windows when the
 * timestamps decide it. axon-mongo's {@code covers} first computes the oldest time in its own window, then tests every
 * id of the other token's window, although its first condition is a comparison of the two timestamps: with ~500 ids
 * in a window it was 30% of a replaying work package's time and 28% of its coordinator's (a replay asks, for every
 * event, whether the token at the reset covers the event's token, and the coordinator whether the last delivered
 * token covers it). Here:
 * <ul>
 *   <li>a token with a later timestamp is not covered (axon-mongo's first condition, which it tests last);</li>
 *   <li>a token of this class whose window holds nothing as recent as the oldest time of this one's is covered
 *       (every id of it is then either in this window or older than its oldest, axon-mongo's second condition):
 *       each token of this class knows a time no event of its window is later than;</li>
 *   <li>anything else is left to axon-mongo's {@code covers}.</li>
 * </ul>
 * Everything else (equality within the class, bounds, serialized form) is axon-mongo's; a token of this class is
 * never equal to a plain Mongo token, as axon-mongo's {@code equals} compares classes, so the event store's tokens are
 * all of this class ({@link SharedLookBackWindow}).
 */
public final class FastCoveringMongoTrackingToken extends MongoTrackingToken {

    private static final long serialVersionUID = 1L;

    private final long timestampMillis; // axon-mongo's is private, and getTimestamp() makes an Instant
    private final long windowNewest; // no event of the window is later
    private transient volatile boolean oldestKnown;
    private transient long windowOldest;

    FastCoveringMongoTrackingToken(long timestampMillis, Map<String, Long> trackedEvents, long windowNewest) {
        super(timestampMillis, trackedEvents);
        this.timestampMillis = timestampMillis;
        this.windowNewest = windowNewest;
    }

    /** The token with this timestamp and window, as the token store reads it back. */
    @JsonCreator
    public static FastCoveringMongoTrackingToken restored(
            @JsonProperty("timestamp") Instant timestamp,
            @JsonProperty("trackedEvents") Map<String, Long> trackedEvents) {
        long newest =
                trackedEvents.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        return new FastCoveringMongoTrackingToken(timestamp.toEpochMilli(), trackedEvents, newest);
    }

    @Override
    public boolean covers(TrackingToken other) {
        Assert.isTrue(other instanceof MongoTrackingToken, () -> "Incompatible token type provided.");
        if (other instanceof FastCoveringMongoTrackingToken fast) {
            if (fast.timestampMillis > timestampMillis) {
                return false;
            }
            if (fast.windowNewest < windowOldest()) {
                return true;
            }
        } else if (((MongoTrackingToken) other).getTimestamp().toEpochMilli() > timestampMillis) {
            return false;
        }
        return super.covers(other);
    }

    /** The oldest time in the window, or 0 when it is empty: what axon-mongo's {@code covers} compares with. */
    private long windowOldest() {
        if (!oldestKnown) {
            windowOldest = getTrackedEvents().values().stream()
                    .mapToLong(Long::longValue)
                    .min()
                    .orElse(0L);
            oldestKnown = true;
        }
        return windowOldest;
    }
}
