package dev.studybuddy.platform.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The thread an outbox relay runs on: one daemon thread repeating the relay's run with a fixed delay
 * between runs, started and stopped with the relay's lifecycle. Stopping lets a run in progress finish
 * (it may be waiting for confirms) for at most {@code stopTimeout}.
 */
public final class RelayLoop {

    private final String threadName;
    private final Duration delay;
    private final Duration stopTimeout;
    private final Runnable run;
    private volatile ScheduledExecutorService executor;

    public RelayLoop(String threadName, Duration delay, Duration stopTimeout, Runnable run) {
        this.threadName = threadName;
        this.delay = delay;
        this.stopTimeout = stopTimeout;
        this.run = run;
    }

    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(run, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return executor != null;
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
