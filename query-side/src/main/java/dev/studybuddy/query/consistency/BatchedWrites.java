package dev.studybuddy.query.consistency;

import dev.studybuddy.platform.deadletter.ParkUnlessTransient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The writes a processor's batch makes to one table or collection, made together instead of one round trip per
 * event: a replay's batches hold 100 events, and in the growth benchmark's catch-up of a million events {@code chat}
 * and {@code message-search} spent most of their time waiting on such round trips.
 * <ul>
 *   <li>A write is kept under a key; a later write under the same key in the batch is merged with it (the newest
 *       of a conversation's messages, say), so a burst in one conversation costs one write.</li>
 *   <li>The batch's last event writes them ({@link WritesAtBatchEnd}), before the processor stores its token: a token
 *       kept outside the batch's transaction (chat's, in MongoDB) and stored before a write that then failed would
 *       skip the batch's events for good. When the batch is about to commit, anything left is written too.</li>
 *   <li>Whatever reads or changes the same data within the batch asks for {@link #flush()} first.</li>
 *   <li>Outside a unit of work a write is made at once.</li>
 * </ul>
 * A write of the whole batch that fails fails the batch, and for {@link #UNBATCHED_AFTER_FAILURE} after it every write
 * is made at once, inside its event's handler: an event whose write the store refuses is then parked alone, and the
 * rest of its batch goes on.
 *
 * @param <K> what identifies a write within a batch
 * @param <W> a write
 */
public final class BatchedWrites<K, W> {

    /**
     * Longer than a pooled processor ever waits before it retries a failed segment (Axon doubles the wait up to a
     * minute, and starts again from a second only after a batch succeeds): at one minute, a write the store refused
     * after a long enough outage was retried batched at each minute's end, just after the window had closed, for good.
     */
    public static final Duration UNBATCHED_AFTER_FAILURE = Duration.ofMinutes(5);

    /** The longest a pooled streaming processor waits before it retries a segment whose batch failed (Axon 4.12). */
    static final Duration LONGEST_RETRY_WAIT = Duration.ofSeconds(60);

    private static final String IN_BATCH = BatchedWrites.class.getName() + ".inBatch";

    private final String resource;
    private final Consumer<List<W>> writeAll;
    private final Consumer<W> writeOne;
    private final BinaryOperator<W> merge;
    private final Clock clock;
    private volatile Instant unbatchedUntil = Instant.MIN;

    /**
     * @param name     what is written (a table or collection), unique among the instances
     * @param writeAll writes a batch's writes, in the order they were first added
     * @param writeOne writes one write at once
     * @param merge    of a batch's earlier and later write under one key, the write to keep
     */
    public BatchedWrites(
            String name, Consumer<List<W>> writeAll, Consumer<W> writeOne, BinaryOperator<W> merge, Clock clock) {
        this.resource = BatchedWrites.class.getName() + ":" + name;
        this.writeAll = writeAll;
        this.writeOne = writeOne;
        this.merge = merge;
        this.clock = clock;
    }

    /** Keeps the write for the current batch, or makes it now when there is no batch or batches are off. */
    public void add(K key, W write) {
        if (!CurrentUnitOfWork.isStarted() || clock.instant().isBefore(unbatchedUntil)) {
            writeOne.accept(write);
        } else {
            pendingIn(CurrentUnitOfWork.get().root()).merge(key, write, merge);
        }
    }

    /** Of the current batch's writes not made yet, the first that {@code matching} accepts. */
    public Optional<W> pending(Predicate<W> matching) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Map<K, W> pending = CurrentUnitOfWork.get().root().getResource(resource);
        return pending == null
                ? Optional.empty()
                : pending.values().stream().filter(matching).findFirst();
    }

    /**
     * Makes the current batch's pending writes, if any. Asked for before reading or changing what the batch wrote, so a
     * failure here is of a write the handler did not make itself (an earlier event's): the batch fails for its retry
     * (writes then made alone, in their own events' handlers) instead of the asking event being parked and the
     * refused write dropped.
     */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            try {
                flush(CurrentUnitOfWork.get().root());
            } catch (RuntimeException e) {
                throw new ParkUnlessTransient.NotThisEventsFailure("the batch's earlier writes failed", e);
            }
        }
    }

    /** Makes the pending writes of every instance the batch has used. */
    static void flushAll(UnitOfWork<?> batch) {
        List<BatchedWrites<?, ?>> used = batch.getResource(IN_BATCH);
        if (used != null) {
            used.forEach(writes -> writes.flush(batch));
        }
    }

    private void flush(UnitOfWork<?> batch) {
        Map<K, W> pending = batch.getResource(resource);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        List<W> writing = new ArrayList<>(pending.values());
        pending.clear();
        try {
            writeAll.accept(writing);
        } catch (RuntimeException e) {
            unbatchedUntil = clock.instant().plus(UNBATCHED_AFTER_FAILURE);
            throw e;
        }
    }

    private Map<K, W> pendingIn(UnitOfWork<?> batch) {
        Map<K, W> pending = batch.getResource(resource);
        if (pending == null) {
            // not inside computeIfAbsent: the resources map is a HashMap, which refuses a nested change
            pending = new LinkedHashMap<>();
            batch.resources().put(resource, pending);
            List<BatchedWrites<?, ?>> used = batch.getResource(IN_BATCH);
            if (used == null) {
                used = new ArrayList<>();
                batch.resources().put(IN_BATCH, used);
            }
            used.add(this);
            batch.onPrepareCommit(committing -> flush(batch));
        }
        return pending;
    }
}
