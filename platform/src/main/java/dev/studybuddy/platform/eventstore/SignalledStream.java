package dev.studybuddy.platform.eventstore;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event stream that accepts an availability callback, called by {@link EventArrivalSignal}: at once for events its
 * processor handles, and at most once per {@code unhandledOnlyInterval} for events it has said it never handles.
 * <p>
 * Axon's pooled processor tells its stream, through {@link #skipMessagesWithPayloadTypeOf}, each event type that no
 * handler of it can handle (Axon Server uses that to stop sending them). Here it spares the processor's coordinator
 * and its work packages a wake-up for every such event: a chat message woke all eighteen coordinators of the system
 * though most of them never handle it (ADR 0026). The events are still read and the token still advances past them,
 * only in fewer, larger steps.
 */
final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

    private final BlockingStream<TrackedEventMessage<?>> delegate;
    private final Set<SignalledStream> listening;
    private final long unhandledOnlyIntervalNanos;
    private final Set<Class<?>> skippedTypes = ConcurrentHashMap.newKeySet();
    private volatile Runnable callback;
    private volatile long lastCalledNanos;
    private volatile boolean unhandledWaiting;

    SignalledStream(
            BlockingStream<TrackedEventMessage<?>> delegate,
            Set<SignalledStream> listening,
            long unhandledOnlyIntervalNanos) {
        this.delegate = delegate;
        this.listening = listening;
        this.unhandledOnlyIntervalNanos = unhandledOnlyIntervalNanos;
        this.lastCalledNanos = System.nanoTime() - unhandledOnlyIntervalNanos;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.callback = callback;
        listening.add(this);
        return true;
    }

    /**
     * Called by the signal's watcher at least ten times a second with the events that arrived since (often none): calls
     * back at once if the processor may handle one of them, else once unhandled events have waited long enough.
     */
    void arrived(Collection<? extends EventMessage<?>> events, long nowNanos) {
        if (events.stream().anyMatch(this::mayHandle)) {
            callBack(nowNanos);
            return;
        }
        if (!events.isEmpty()) {
            unhandledWaiting = true;
        }
        if (unhandledWaiting && nowNanos - lastCalledNanos >= unhandledOnlyIntervalNanos) {
            callBack(nowNanos);
        }
    }

    private boolean mayHandle(EventMessage<?> event) {
        try {
            return !skips(event.getPayloadType());
        } catch (RuntimeException unreadableType) {
            return true; // the processor's own stream decides what to do with such an event; the watcher must go on
        }
    }

    boolean skips(Class<?> payloadType) {
        return skippedTypes.contains(payloadType);
    }

    private void callBack(long nowNanos) {
        Runnable registered = callback;
        if (registered != null) {
            unhandledWaiting = false;
            lastCalledNanos = nowNanos;
            registered.run();
        }
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        skippedTypes.add(ignoredMessage.getPayloadType());
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return delegate.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        return delegate.hasNextAvailable(timeout, unit);
    }

    @Override
    public boolean hasNextAvailable() {
        return delegate.hasNextAvailable();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return delegate.nextAvailable();
    }

    @Override
    public Stream<TrackedEventMessage<?>> asStream() {
        return delegate.asStream();
    }

    @Override
    public void close() {
        listening.remove(this);
        delegate.close();
    }
}
