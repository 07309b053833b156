package dev.studybuddy.platform.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as streaming processors read it, but with streams that say when events arrive.
 * <p>
 * Axon's pooled processor asks its stream to call back once events are available; the streams of an
 * {@code EmbeddedEventStore} cannot, so the processor falls back to looking every 500 ms, which put up
 * to half a second on every chat message between the store and the WebSocket. Here one daemon thread
 * tails the store with a stream of its own: it shares the store's cache, so it wakes the moment the store
 * has fetched new events (or been handed them by an append in this process), and then calls back every
 * open processor stream. The processors still read their events from their own streams; the signal only
 * tells them to look. A callback too many costs a look that finds nothing; a processor that has said it never handles
 * any of the events that arrived is told to look no more often than every {@link #UNHANDLED_ONLY_INTERVAL}
 * ({@link SignalledStream}).
 */
public class EventArrivalSignal implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventArrivalSignal.class);
    /**
     * How long one wait on the tailing stream lasts. Short, because the embedded store's stream can miss a wake-up (it
     * looks for the next event, then waits, and an event that comes in between wakes no one): the event is then found
     * by the next wait, which must not be a second away in a quiet system.
     */
    private static final int WAIT_MILLIS = 100;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * How long a processor may go without looking at events it never handles: its token (and the projection status's
     * {@code behindHead}) trails the head by at most this much more while only such events arrive.
     */
    static final Duration UNHANDLED_ONLY_INTERVAL = Duration.ofMillis(250);

    private final EventStore store;
    private final Set<SignalledStream> listening = ConcurrentHashMap.newKeySet();
    private Thread watcher;
    private volatile boolean running = true;

    public EventArrivalSignal(EventStore store) {
        this.store = store;
    }

    /** Watching starts with the first stream: a service without processors never tails the store. */
    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        startWatching();
        return new SignalledStream(store.openStream(trackingToken), listening, UNHANDLED_ONLY_INTERVAL.toNanos());
    }

    /**
     * The watcher's stream starts tailing here, on the thread that opens the first processor stream and before that
     * stream exists. While the embedded store has fetched nothing yet, its producer starts from the position of the
     * first stream that tails it, and a stream that tails from an earlier position is not seen as behind: it waits for
     * an event the producer will never fetch, until a later event arrives. A watcher that began tailing later, from a
     * newer head, held back the first event after a processor had caught up (seen in {@code SharedStreamTest}).
     * Tailing first, from the head as it is before any processor reads, the watcher is never ahead of a processor.
     */
    private synchronized void startWatching() {
        if (watcher != null || !running) {
            return;
        }
        BlockingStream<TrackedEventMessage<?>> tail = tailFromHead();
        watcher = new Thread(() -> watch(tail), "event-arrival-signal");
        watcher.setDaemon(true);
        watcher.start();
    }

    private BlockingStream<TrackedEventMessage<?>> tailFromHead() {
        BlockingStream<TrackedEventMessage<?>> tail = null;
        try {
            tail = store.openStream(store.createHeadToken());
            while (tail.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                tail.nextAvailable();
            }
            return tail;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return closeQuietly(tail);
        } catch (RuntimeException e) {
            log.warn("Could not start watching the event store; the watcher tries again on its own thread", e);
            return closeQuietly(tail);
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public synchronized void close() {
        running = false;
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    private void watch(BlockingStream<TrackedEventMessage<?>> primedTail) {
        BlockingStream<TrackedEventMessage<?>> tail = primedTail;
        while (running) {
            try {
                if (tail == null) {
                    tail = store.openStream(store.createHeadToken());
                }
                List<TrackedEventMessage<?>> arrived = new ArrayList<>();
                if (tail.hasNextAvailable(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    while (tail.hasNextAvailable()) {
                        arrived.add(tail.nextAvailable());
                    }
                }
                long now = System.nanoTime();
                for (SignalledStream stream : listening) {
                    stream.arrived(arrived, now);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Watching the event store failed; processors look every 500 ms until it works again", e);
                }
                tail = closeQuietly(tail);
                if (!pause()) {
                    break;
                }
            }
        }
        closeQuietly(tail);
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static BlockingStream<TrackedEventMessage<?>> closeQuietly(BlockingStream<TrackedEventMessage<?>> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        }
        return null;
    }
}
