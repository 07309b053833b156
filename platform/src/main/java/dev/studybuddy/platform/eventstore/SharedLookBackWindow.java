package dev.studybuddy.platform.eventstore;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

/**
 * Makes the tokens of one fetched batch of events, as {@code MongoTrackingToken.advanceTo} would, but with their
 * look-back windows kept once. A Mongo token carries the id and time of every event in the look-back window before
 * it, and {@code advanceTo} copies them all for every event. In a history of 500 events a second, each token held
 * ~500 map entries of its own: catching up with a million such events, a query node's heap held 22 million
 * {@code LinkedHashMap} entries (885 MB) and the node spent a third of its time in collection pauses. Here every
 * event of the batch is appended once to one list, and each token's window is a read-only view of the run of that
 * list from its oldest kept event to its own: the same entries in the same order, so the tokens bound, serialize and
 * advance exactly as axon-mongo's own. They are {@link FastCoveringMongoTrackingToken}s, which cover what a fetch
 * from them would not read again (docs/adr/0023). One instance serves one fetch on one thread; its tokens may be read
 * by any thread once the fetch has returned them.
 */
final class SharedLookBackWindow {

    private final long lookBackMillis;
    private MongoTrackingToken current;
    private Events events; // null until the first advance
    private int from;

    /** @param last the token the fetch starts from, or {@code null} for the start of the store */
    SharedLookBackWindow(MongoTrackingToken last, Duration lookBack) {
        this.current = last;
        this.lookBackMillis = lookBack.toMillis();
    }

    /** Whether the newest token made here (or the starting one) already holds this event. */
    boolean knows(String eventIdentifier) {
        return current != null && current.getTrackedEvents().containsKey(eventIdentifier);
    }

    /**
     * The token after the given event: {@code advanceTo(timestamp, eventIdentifier, lookBack)}'s timestamp and window,
     * as a {@link FastCoveringMongoTrackingToken}.
     */
    MongoTrackingToken advanceTo(Instant timestamp, String eventIdentifier) {
        if (knows(eventIdentifier)) {
            throw new IllegalArgumentException(String.format(
                    "The event to advance to [%s] should not be one of the token's known events", eventIdentifier));
        }
        if (events == null || events.holds(eventIdentifier)) {
            // the first event of the fetch, or an id seen before in a part of the list a token still shows:
            // start a list of its own from the newest token's window, leaving the earlier tokens' views as they are
            events = new Events(current == null ? Map.of() : current.getTrackedEvents());
            from = 0;
        }
        long millis = timestamp.toEpochMilli();
        events.append(eventIdentifier, millis);
        long newTimestamp = current == null
                ? millis
                : Math.max(millis, current.getTimestamp().toEpochMilli());
        long cutOff = newTimestamp - lookBackMillis;
        // as advanceTo trims: the oldest entries first, up to the first that is recent enough
        while (from < events.size && events.times[from] < cutOff) {
            from++;
        }
        current = new FastCoveringMongoTrackingToken(
                newTimestamp, new Window(events, from, events.size), events.newest, lookBackMillis);
        return current;
    }

    /** The ids and times appended for one fetch, in order; never changed below {@code size}. */
    private static final class Events {

        private String[] ids;
        private Long[] times;
        private int size;
        private long newest = Long.MIN_VALUE; // of all appended, and so of every window
        private final Map<String, Integer> positions;

        Events(Map<String, Long> start) {
            int capacity = Math.max(16, start.size() * 2);
            ids = new String[capacity];
            times = new Long[capacity];
            positions = new HashMap<>(capacity * 2);
            start.forEach(this::append);
        }

        boolean holds(String id) {
            return positions.containsKey(id);
        }

        void append(String id, long time) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                times = Arrays.copyOf(times, size * 2);
            }
            ids[size] = id;
            times[size] = time;
            positions.put(id, size);
            newest = Math.max(newest, time);
            size++;
        }
    }

    /** One token's window: the events {@code from} (inclusive) to {@code to} (exclusive) of the list. */
    private static final class Window extends AbstractMap<String, Long> implements Serializable {

        private final transient Events events;
        private final int from;
        private final int to;

        Window(Events events, int from, int to) {
            this.events = events;
            this.from = from;
            this.to = to;
        }

        private int positionOf(Object key) {
            Integer position = events.positions.get(key);
            return position != null && position >= from && position < to ? position : -1;
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public boolean containsKey(Object key) {
            return positionOf(key) >= 0;
        }

        @Override
        public Long get(Object key) {
            int position = positionOf(key);
            return position < 0 ? null : events.times[position];
        }

        @Override
        public Set<Entry<String, Long>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Long>> iterator() {
                    return iterate(i -> new SimpleImmutableEntry<>(events.ids[i], events.times[i]));
                }

                @Override
                public int size() {
                    return to - from;
                }
            };
        }

        @Override
        public Set<String> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return iterate(i -> events.ids[i]);
                }

                @Override
                public boolean contains(Object key) {
                    return containsKey(key);
                }

                @Override
                public int size() {
                    return to - from;
                }
            };
        }

        @Override
        public Collection<Long> values() {
            return new AbstractCollection<>() {
                @Override
                public Iterator<Long> iterator() {
                    return iterate(i -> events.times[i]);
                }

                @Override
                public int size() {
                    return to - from;
                }
            };
        }

        private <T> Iterator<T> iterate(IntFunction<T> at) {
            return new Iterator<>() {
                private int next = from;

                @Override
                public boolean hasNext() {
                    return next < to;
                }

                @Override
                public T next() {
                    if (next >= to) {
                        throw new NoSuchElementException();
                    }
                    return at.apply(next++);
                }
            };
        }

        /** Java serialization stores a plain copy, not the whole list behind it. */
        private Object writeReplace() {
            return new LinkedHashMap<>(this);
        }
    }
}
