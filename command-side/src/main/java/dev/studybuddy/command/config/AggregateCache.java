package dev.studybuddy.command.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The cache of an aggregate repository: the most recently used aggregates, at most {@code maximumSize} of them,
 * held softly so that the JVM may take them back when it runs short of memory.
 * <p>
 * Axon's {@code WeakReferenceCache} loses an aggregate at the first garbage collection after its command, so
 * under load a busy group was loaded again (snapshot and the events after it) for most of its messages. An
 * aggregate that another node changed meanwhile is no problem here either: the append fails on the store's
 * unique (aggregate, sequence) index, Axon drops the entry when the unit of work rolls back, and the command is
 * retried on a fresh load.
 */
public final class AggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    private AggregateCache(int maximumSize) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .softValues()
                // evicts on the thread that adds, not later on the common pool: the bound holds at once
                .executor(Runnable::run)
                .evictionListener((Object key, Object value, RemovalCause cause) ->
                        listeners.forEach(listener -> listener.onEntryExpired(key)))
                .build()
                .asMap();
    }

    public static AggregateCache bounded(int maximumSize) {
        return new AggregateCache(maximumSize);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
