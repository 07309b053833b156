package dev.studybuddy.platform.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many events are stored after a time, as a status reports it: counted exactly up to a bound, and beyond it
 * estimated from the times of the oldest and newest events as if they had arrived at an even rate. MongoDB counts
 * by walking the time index, a key per event, so an exact count costs every event after the time: a status read
 * every half second while the projections caught up with a million events spent two fifths of the store's work
 * counting them. With the bound a report costs at most that many keys per time asked about, however far behind.
 * One instance serves one report: the store's size and its first and last times are read once, when needed.
 */
public final class EventsAfter {

    private final StoredEvents events;
    private final long exactUpTo;
    private Long total;
    private Span span;

    public EventsAfter(StoredEvents events, long exactUpTo) {
        this.events = events;
        this.exactUpTo = exactUpTo;
    }

    /** How many events the store holds, from its metadata. */
    public long total() {
        if (total == null) {
            total = events.count();
        }
        return total;
    }

    /** The events stored after {@code time} (null: every event). */
    public Count after(Instant time) {
        if (time == null) {
            return new Count(total(), true);
        }
        long counted = events.countAfter(time, exactUpTo + 1);
        return counted <= exactUpTo ? new Count(counted, true) : new Count(Math.max(counted, estimate(time)), false);
    }

    private long estimate(Instant time) {
        if (span == null) {
            span = new Span(events.oldestTimestamp(), events.newestTimestamp());
        }
        return span.share(time).map(share -> Math.round(total() * share)).orElse(0L);
    }

    /**
     * @param events how many
     * @param exact  counted; false: estimated, and more than the bound
     */
    public record Count(long events, boolean exact) {}

    private record Span(Optional<Instant> oldest, Optional<Instant> newest) {

        /** The share of the span's time after {@code time}, 0..1; empty for a store without a span of time. */
        Optional<Double> share(Instant time) {
            if (oldest.isEmpty() || newest.isEmpty() || !newest.get().isAfter(oldest.get())) {
                return Optional.empty();
            }
            double all = Duration.between(oldest.get(), newest.get()).toNanos();
            double after = Duration.between(time, newest.get()).toNanos();
            return Optional.of(Math.max(0, Math.min(1, after / all)));
        }
    }
}
