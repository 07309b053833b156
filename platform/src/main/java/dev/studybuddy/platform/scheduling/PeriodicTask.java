package dev.studybuddy.platform.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop: one daemon thread of its own that repeats a run with a fixed delay between runs, from
 * {@link #start()} until {@link #stop()}. Every outbox relay, sweeper, poller and refresher of the services
 * runs on one.
 * <p>
 * Other work that must not overlap the runs can be handed to the same thread with {@link #execute}.
 * <p>
 * A run that throws is logged and the loop goes on: a bare {@code scheduleWithFixedDelay} would cancel every
 * later run after the first exception, and the loop would be gone without a trace. Stopping lets a run in
 * progress finish for at most the stop timeout (a relay may be waiting for the broker's confirms), then
 * interrupts it.
 * <p>
 * Declared as a bean, the task is started and stopped with the application context ({@link SmartLifecycle}); a class
 * that also does other things at start or stop holds its task in a field and starts and stops it itself.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration delay;
    private final Duration stopTimeout;
    private final Runnable run;
    private volatile ScheduledExecutorService executor;

    private PeriodicTask(String name, Duration initialDelay, Duration delay, Duration stopTimeout, Runnable run) {
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("The delay of " + name + " must be positive: " + delay);
        }
        this.name = name;
        this.initialDelay = initialDelay;
        this.delay = delay;
        this.stopTimeout = stopTimeout;
        this.run = run;
    }

    /** Runs {@code run} on a thread called {@code name}, first after {@code delay}, then {@code delay} after each run ends. */
    public static PeriodicTask every(Duration delay, String name, Runnable run) {
        return new PeriodicTask(name, delay, delay, Duration.ZERO, run);
    }

    /** The same task, with its first run after {@code initialDelay} instead. */
    public PeriodicTask firstAfter(Duration initialDelay) {
        return new PeriodicTask(name, initialDelay, delay, stopTimeout, run);
    }

    /** The same task, letting a run in progress finish for at most {@code stopTimeout} when stopped. */
    public PeriodicTask finishingWithin(Duration stopTimeout) {
        return new PeriodicTask(name, initialDelay, delay, stopTimeout, run);
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::runOnce, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code work} once on this task's thread, between its periodic runs, so that it never overlaps them.
     *
     * @throws RejectedExecutionException when the task is not running
     */
    public void execute(Runnable work) {
        ScheduledExecutorService running = executor;
        if (running == null) {
            throw new RejectedExecutionException(name + " is not running");
        }
        running.execute(work);
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void runOnce() {
        try {
            run.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; it runs again in {}", name, delay, e);
        }
    }

    /**
     * Relays batch after batch until one comes back short of {@code batchSize}, so that a backlog drains in one
     * run instead of one batch per delay.
     */
    public static void drain(IntSupplier relayOnce, int batchSize) {
        int relayed;
        do {
            relayed = relayOnce.getAsInt();
        } while (relayed == batchSize);
    }
}
