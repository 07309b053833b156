package dev.studybuddy.mongostandin.h2;

import org.h2.mvstore.MVStore;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commits an MVStore on a thread of its own, for every write finished before each commit began. A write takes a
 * ticket once its changes are in the store's maps; {@link #whenCommitted} completes once a commit that began after
 * that ticket was taken is done. One commit at a time, so writers that finish during a commit share the next one,
 * and nobody waiting for a commit holds a thread that could answer others meanwhile.
 *
 * <p>The store is expected to be opened without H2's own auto-commit: its background writer hands every commit
 * to two executor threads and waits for them, three thread switches per commit that on a busy two-core host cost
 * more than the commit itself. This thread commits inline instead, and does the writer's other job, rewriting
 * sparse chunks, at most once a {@link #HOUSEKEEPING_EVERY}.
 */
class GroupCommits implements AutoCloseable {

    static final long HOUSEKEEPING_EVERY_MILLIS = 1_000;
    /** Rewrite chunks less than this full (H2's background writer aims at 90 when idle, less under load). */
    private static final int TARGET_FILL_RATE = 50;
    private static final int HOUSEKEEPING_WRITE_LIMIT = 4 * 1024 * 1024;

    private record Waiter(long ticket, CompletableFuture<Void> committed) {
    }

    private final MVStore store;
    private final AtomicLong writesFinished = new AtomicLong();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>((a, b) -> Long.compare(a.ticket, b.ticket));
    private final Thread committer;
    private volatile long committedThrough;
    private boolean closed;
    private long lastHousekeeping = System.currentTimeMillis();

    GroupCommits(MVStore store) {
        this.store = store;
        this.committer = new Thread(this::commitWhileOpen, "mongo-standin-commits");
        committer.setDaemon(true);
        committer.start();
    }

    /** Called once a write's changes are in the store's maps: the ticket a commit must cover. */
    long writeFinished() {
        long ticket = writesFinished.incrementAndGet();
        synchronized (this) {
            notifyAll();
        }
        return ticket;
    }

    boolean isCommitted(long ticket) {
        return committedThrough >= ticket;
    }

    CompletableFuture<Void> whenCommitted(long ticket) {
        if (isCommitted(ticket)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> committed = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                committed.completeExceptionally(new IllegalStateException("the store is closing"));
            } else if (isCommitted(ticket)) {
                committed.complete(null);
            } else {
                waiters.add(new Waiter(ticket, committed));
            }
        }
        return committed;
    }

    /** For a write that has no channel to answer on: waits for its commit. */
    void awaitCommitted(long ticket) {
        try {
            whenCommitted(ticket).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a commit", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("the commit failed", failed.getCause());
        }
    }

    private void commitWhileOpen() {
        while (true) {
            synchronized (this) {
                while (!closed && writesFinished.get() <= committedThrough && !housekeepingDue()) {
                    waitForWrites();
                }
                if (closed) {
                    return;
                }
            }
            long covered = writesFinished.get();
            try {
                if (housekeepingDue()) {
                    keepHouse();
                }
                commit();
            } catch (RuntimeException failed) {
                stopAfter(failed);
                return;
            }
            committedThrough = covered;
            release(covered);
        }
    }

    private boolean housekeepingDue() {
        return System.currentTimeMillis() - lastHousekeeping >= HOUSEKEEPING_EVERY_MILLIS;
    }

    private void keepHouse() {
        lastHousekeeping = System.currentTimeMillis();
        store.compact(TARGET_FILL_RATE, HOUSEKEEPING_WRITE_LIMIT);
    }

    /** Overridable so that a test can hold a commit up. */
    void commit() {
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
    }

    private void release(long covered) {
        while (true) {
            Waiter waiter;
            synchronized (this) {
                waiter = waiters.peek();
                if (waiter == null || waiter.ticket > covered) {
                    return;
                }
                waiters.poll();
            }
            waiter.committed.complete(null);
        }
    }

    /** A failed commit leaves MVStore closed (it "panics"): no later write can be acknowledged either. */
    private synchronized void stopAfter(RuntimeException failure) {
        closed = true;
        waiters.forEach(waiter -> waiter.committed.completeExceptionally(failure));
        waiters.clear();
    }

    private void waitForWrites() {
        try {
            wait(HOUSEKEEPING_EVERY_MILLIS);
        } catch (InterruptedException interrupted) {
            closed = true;
        }
    }

    /** Stops after committing what was written; waiters left over are failed. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        long last = writesFinished.get();
        if (last > committedThrough) {
            whenCommitted(last).exceptionally(ignored -> null).join();
        }
        synchronized (this) {
            stopAfter(new IllegalStateException("the store is closing"));
            notifyAll();
        }
    }
}
