package dev.studybuddy.platform.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Axon's embedded event store, which learns of events other processes appended only at its next poll of the
 * storage ({@code fetch-delay}), made able to look at once when told to ({@link #lookForNewEvents()}), and to tell
 * listeners when events it appended have been committed ({@link #afterAppending(Runnable)}). Its producer reads the
 * storage again right after a read that found events only when there is news of more ({@link RefetchOnNewsEngine}).
 */
public class PromptEventStore extends EmbeddedEventStore {

    private final List<Runnable> afterAppending = new CopyOnWriteArrayList<>();
    private final RefetchOnNewsEngine storage;

    private PromptEventStore(Builder builder, RefetchOnNewsEngine storage) {
        super(builder.storageEngine(storage));
        this.storage = storage;
    }

    /** The store over {@code storage}, with the rest of its settings from {@code settings}. */
    public static PromptEventStore over(EventStorageEngine storage, UnaryOperator<Builder> settings) {
        return new PromptEventStore(settings.apply(EmbeddedEventStore.builder()), new RefetchOnNewsEngine(storage));
    }

    /** Fetches from storage now if the store is waiting for its next poll; does nothing otherwise. */
    public void lookForNewEvents() {
        storage.eventsMayHaveArrived();
        super.afterCommit(List.of());
    }

    /** {@code listener} runs after each commit of appended events, on the appending thread: keep it short. */
    public void afterAppending(Runnable listener) {
        afterAppending.add(listener);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        storage.eventsMayHaveArrived();
        super.afterCommit(events);
        afterAppending.forEach(Runnable::run);
    }
}
