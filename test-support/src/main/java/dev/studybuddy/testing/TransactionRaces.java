package dev.studybuddy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A request made while another transaction of the same PostgreSQL database holds what it wrote, uncommitted. */
public final class TransactionRaces {

    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;

    public TransactionRaces(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code holding} in a transaction, then {@code request} beside it; once the request waits for a lock that
     * transaction holds (or after three seconds, if it never does: that it waits is not asserted), runs
     * {@code thenInTheSameTransaction} and commits. The transaction must commit; the request's answer is returned.
     */
    public <T> T requestWhileATransactionHolds(Runnable holding, Runnable thenInTheSameTransaction, Callable<T> request)
            throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch requestUnderWay = new CountDownLatch(1);
        AtomicInteger holder = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<?> transaction =
                    executor.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        holder.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                        holding.run();
                        held.countDown();
                        awaitQuietly(requestUnderWay, 30);
                        thenInTheSameTransaction.run();
                    }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            Future<T> answer = executor.submit(request);
            awaitUntil(
                    answer, "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))", holder.get());
            requestUnderWay.countDown();
            transaction.get(30, TimeUnit.SECONDS);
            return answer.get(30, TimeUnit.SECONDS);
        } finally {
            requestUnderWay.countDown();
            executor.shutdownNow();
        }
    }

    /**
     * Runs {@code holding} in a transaction that stays open, holding what it locked, until the returned hold is closed
     * (then it commits).
     */
    public Held hold(Runnable holding) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger holder = new AtomicInteger();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<?> transaction =
                executor.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    holder.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                    holding.run();
                    held.countDown();
                    awaitQuietly(
                            release, 300); // until closed; bounded, so that a test that forgot to close ends anyway
                }));
        if (!held.await(30, TimeUnit.SECONDS)) {
            release.countDown();
            executor.shutdownNow();
            transaction.get(1, TimeUnit.SECONDS); // what the holding work failed at, if it did
            throw new IllegalStateException("the holding transaction did not get hold within 30 s");
        }
        return new Held(holder.get(), release, transaction, executor);
    }

    /** A transaction {@link #hold} keeps open. */
    public static final class Held implements AutoCloseable {

        private final int pid;
        private final CountDownLatch release;
        private final Future<?> transaction;
        private final ExecutorService executor;

        private Held(int pid, CountDownLatch release, Future<?> transaction, ExecutorService executor) {
            this.pid = pid;
            this.release = release;
            this.transaction = transaction;
            this.executor = executor;
        }

        /** The PostgreSQL backend of the transaction, as {@code pg_blocking_pids} names it. */
        public int pid() {
            return pid;
        }

        /** Lets the transaction commit, and waits until it has. */
        @Override
        public void close() throws Exception {
            release.countDown();
            try {
                transaction.get(30, TimeUnit.SECONDS);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    /**
     * Returns once some transaction of this database waits for a lock, {@code work} has ended, or three seconds have
     * passed: {@code work} ran on as far as it could.
     */
    public void awaitALockWaitOrTheEndOf(Future<?> work) throws InterruptedException {
        awaitUntil(
                work,
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
    }

    /** Until {@code waiters} (a count) is above 0, {@code work} has ended, or three seconds have passed. */
    private void awaitUntil(Future<?> work, String waiters, Object... arguments) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline
                && !work.isDone()
                && jdbc.queryForObject(waiters, Long.class, arguments) == 0) {
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
