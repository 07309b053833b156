package dev.studybuddy.platform.eventstore;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;

/** An event stream that accepts an availability callback, called by {@link EventArrivalSignal}. */
final class SignalledStream<M> implements BlockingStream<M> {

    private final BlockingStream<M> delegate;
    private final Set<Runnable> callbacks;
    private volatile Runnable callback;

    SignalledStream(BlockingStream<M> delegate, Set<Runnable> callbacks) {
        this.delegate = delegate;
        this.callbacks = callbacks;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        Runnable previous = this.callback;
        if (previous != null) {
            callbacks.remove(previous);
        }
        this.callback = callback;
        callbacks.add(callback);
        return true;
    }

    @Override
    public Optional<M> peek() {
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
    public M nextAvailable() throws InterruptedException {
        return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(M ignoredMessage) {
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public Stream<M> asStream() {
        return delegate.asStream();
    }

    @Override
    public void close() {
        Runnable registered = callback;
        if (registered != null) {
            callbacks.remove(registered);
        }
        delegate.close();
    }
}
