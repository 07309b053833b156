package dev.studybuddy.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.junit.jupiter.api.Test;

class AggregateLocksTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Axon's default lock factory would wake the waiting thread every 10 ms for its deadlock check: about 60 times while
     * the lock is held here.
     */
    @Test
    void aCommandWaitingForTheAggregateSleepsUntilItIsReleasedAndThenGetsItAtOnce() throws Exception {
        LockFactory locks = new AggregateLocks().aggregateLockFactory();
        Lock held = locks.obtainLock("group-1");
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicLong acquiredAt = new AtomicLong();
        Thread second = new Thread(() -> {
            waiting.countDown();
            Lock lock = locks.obtainLock("group-1");
            acquiredAt.set(System.nanoTime());
            lock.release();
        });
        second.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // the second thread is queued for the lock by now
        long waitsBefore = THREADS.getThreadInfo(second.getId()).getWaitedCount();

        Thread.sleep(600);
        long waitsWhileHeld = THREADS.getThreadInfo(second.getId()).getWaitedCount() - waitsBefore;
        long releasedAt = System.nanoTime();
        held.release();
        second.join(10_000);

        assertThat(waitsWhileHeld)
                .as("times the waiting thread woke and slept again in 600 ms")
                .isLessThanOrEqualTo(3);
        assertThat(Duration.ofNanos(acquiredAt.get() - releasedAt))
                .as("handed the lock on release, not at its next deadlock check")
                .isLessThan(Duration.ofMillis(250));
    }

    @Test
    void eachAggregateTypeGetsALockFactoryOfItsOwn() {
        AggregateLocks locks = new AggregateLocks();

        assertThat(locks.aggregateLockFactory()).isNotSameAs(locks.aggregateLockFactory());
    }
}
