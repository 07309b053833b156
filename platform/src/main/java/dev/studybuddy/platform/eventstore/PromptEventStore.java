package dev.studybuddy.platform.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which learns of events other processes appended only at its next poll of the
 * storage ({@code fetch-delay}), made able to look at once when told to ({@link #lookForNewEvents()}), and to tell
 * listeners when events it appended have been committed ({@link #afterAppending(Runnable)}).
 */
public class PromptEventStore extends EmbeddedEventStore {

    private final List<Runnable> afterAppending = new CopyOnWriteArrayList<>();

    public PromptEventStore(Builder builder) {
        super(builder);
    }

    /** Fetches from storage now if the store is waiting for its next poll; does nothing otherwise. */
    public void lookForNewEvents() {
        super.afterCommit(List.of());
    }

    /** {@code listener} runs after each commit of appended events, on the appending thread: keep it short. */
    public void afterAppending(Runnable listener) {
        afterAppending.add(listener);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        afterAppending.forEach(Runnable::run);
    }
}
