package dev.studybuddy.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import org.axonframework.common.Assert;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

/**
 * A Mongo token that covers exactly what a fetch from it would not read again, and answers {@link #covers} without
 * walking the look-back windows when the timestamps decide it (docs/adr/0023).
 * <p>
 * A fetch from a Mongo token reads every event stamped at or after the token's time minus the look-back window
 * whose id the token's window does not hold. axon-mongo's {@code covers} counts as covered every event older than the
 * oldest event of the window instead, and after a quiet second that is the newest few events alone: an event stamped
 * a few milliseconds before another but stored after it (two commands finishing out of order) was fetched, found
 * "covered" by the token of the event before it in the processor's work package, and silently dropped. Here a token
 * covers another when its timestamp is not later and every event of the other's window is in this window or stamped
 * before this token's time minus the look-back window. A token stored before it knew its look-back window
 * ({@link #restored} without it) answers as axon-mongo's.
 * <p>
 * For speed: a token with a later timestamp is not covered; a token of this class whose window holds nothing as
 * recent as this token's time minus the look-back is covered (each token of this class knows a time no event of its
 * window is later than); only the rest walks the other's window. The token store keeps its window in a compact form
 * ({@link CompactWindow}: under half the JSON object axon-mongo writes, which grows with the event rate) and its
 * look-back, and reads either form. Everything else (equality within the class, bounds) is axon-mongo's; a token of
 * this class is never equal to a plain Mongo token, as axon-mongo's {@code equals} compares classes, so the event
 * store's tokens are all of this class ({@link SharedLookBackWindow}).
 */
public final class FastCoveringMongoTrackingToken extends MongoTrackingToken {

    private static final long serialVersionUID = 2L;
    private static final long LOOK_BACK_UNKNOWN = -1;

    private final long timestampMillis; // axon-mongo's is private, and getTimestamp() makes an Instant
    private final long windowNewest; // no event of the window is later
    private final long lookBackMillis;

    FastCoveringMongoTrackingToken(
            long timestampMillis, Map<String, Long> trackedEvents, long windowNewest, long lookBackMillis) {
        super(timestampMillis, trackedEvents);
        this.timestampMillis = timestampMillis;
        this.windowNewest = windowNewest;
        this.lookBackMillis = lookBackMillis;
    }

    /**
     * The token with this timestamp, window and look-back; a token stored without its look-back ({@code null}) covers
     * as axon-mongo's.
     */
    public static FastCoveringMongoTrackingToken restored(
            Instant timestamp, Map<String, Long> trackedEvents, Long lookBackMillis) {
        long newest =
                trackedEvents.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        return new FastCoveringMongoTrackingToken(
                timestamp.toEpochMilli(),
                trackedEvents,
                newest,
                lookBackMillis == null ? LOOK_BACK_UNKNOWN : lookBackMillis);
    }

    /**
     * The token as the token store reads it back: its window in the compact form ({@code window}, {@link
     * CompactWindow}) or, as stored before that and by axon-mongo's own token, as a JSON object ({@code
     * trackedEvents}).
     */
    @JsonCreator
    static FastCoveringMongoTrackingToken stored(
            @JsonProperty("timestamp") Instant timestamp,
            @JsonProperty("window") byte[] window,
            @JsonProperty("trackedEvents") Map<String, Long> trackedEvents,
            @JsonProperty("lookBackMillis") Long lookBackMillis) {
        Map<String, Long> events = window != null
                ? CompactWindow.decode(timestamp.toEpochMilli(), window)
                : trackedEvents == null ? Map.of() : trackedEvents;
        return restored(timestamp, events, lookBackMillis);
    }

    /** The window as it is stored (in JSON as Base64 text); {@link #getTrackedEvents()} is its map. */
    @JsonProperty("window")
    public byte[] getWindow() {
        return CompactWindow.encode(timestampMillis, getTrackedEvents());
    }

    @Override
    @JsonIgnore
    public Map<String, Long> getTrackedEvents() {
        return super.getTrackedEvents();
    }

    /** How far before its time a fetch from this token looks for events it has not seen; null if not known. */
    public Long getLookBackMillis() {
        return lookBackMillis == LOOK_BACK_UNKNOWN ? null : lookBackMillis;
    }

    @Override
    public boolean covers(TrackingToken other) {
        Assert.isTrue(other instanceof MongoTrackingToken, () -> "Incompatible token type provided.");
        MongoTrackingToken mongo = (MongoTrackingToken) other;
        long otherTimestamp = other instanceof FastCoveringMongoTrackingToken fast
                ? fast.timestampMillis
                : mongo.getTimestamp().toEpochMilli();
        if (otherTimestamp > timestampMillis) {
            return false;
        }
        if (lookBackMillis == LOOK_BACK_UNKNOWN) {
            return super.covers(other);
        }
        long readAgainFrom = timestampMillis - lookBackMillis;
        if (other instanceof FastCoveringMongoTrackingToken fast && fast.windowNewest < readAgainFrom) {
            return true;
        }
        Map<String, Long> known = getTrackedEvents();
        for (Map.Entry<String, Long> event : mongo.getTrackedEvents().entrySet()) {
            if (event.getValue() >= readAgainFrom && !known.containsKey(event.getKey())) {
                return false;
            }
        }
        return true;
    }
}
