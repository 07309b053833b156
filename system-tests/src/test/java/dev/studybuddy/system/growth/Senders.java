package dev.studybuddy.system.growth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Concurrent senders for a fixed time: either each as fast as its previous send returns (closed loop: what the system
 * can carry at most, with every process saturated), or together at a fixed rate (open loop: the latencies at a given
 * load).
 */
final class Senders {

    /**
     * One send by sender {@code sender}; {@code tag} and {@code sentAt} (the {@link System#nanoTime()} the send was
     * due at) go into the message, so deliveries can be told apart and timed.
     */
    @FunctionalInterface
    interface Send {
        void send(int sender, String tag, long sentAt) throws Exception;
    }

    record Outcome(long sent, long failed, long startedAt, double seconds, Latencies latencies) {
        double perSecond() {
            return sent / seconds;
        }
    }

    /**
     * When a sender's send after {@code sendsBefore} earlier ones is due (as {@link System#nanoTime()}, in a phase that
     * started at {@code start}), answered once it is due.
     */
    @FunctionalInterface
    private interface Schedule {
        long next(int sender, long start, long sendsBefore);
    }

    private final int count;

    Senders(int count) {
        this.count = count;
    }

    /** Each sender sends again as soon as its previous send returns. */
    Outcome run(Duration duration, String tag, Send send) throws InterruptedException {
        return run(duration, tag, send, (sender, start, sendsBefore) -> System.nanoTime());
    }

    /**
     * The senders together send {@code perSecond} messages a second, evenly spread, sender by sender in turn. A send
     * is timed from when it was due, not from when its sender got to it: a sender still waiting for its previous
     * answer sends late, and the lateness counts in the latencies (they would otherwise hide the very delays they
     * are to show), and in the rate reached.
     */
    Outcome runAt(double perSecond, Duration duration, String tag, Send send) throws InterruptedException {
        double interval = 1e9 / perSecond;
        return run(duration, tag, send, (sender, start, sendsBefore) -> {
            long due = start + Math.round((sender + sendsBefore * count) * interval);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            return due;
        });
    }

    private Outcome run(Duration duration, String tag, Send send, Schedule schedule) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        // the wall-clock times of each phase, to find it in a profile (PROFILE=1)
        System.err.printf("growth: %s from %s for %d s%n", tag, PhaseClock.now(), duration.toSeconds());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int sender = i;
            Thread thread = new Thread(
                    () -> {
                        for (long sends = 0; ; sends++) {
                            long due = schedule.next(sender, start, sends);
                            if (due >= end) {
                                break;
                            }
                            try {
                                send.send(sender, tag, due);
                                latencies.add(due, System.nanoTime() - due);
                                sent.incrementAndGet();
                            } catch (Exception e) {
                                if (failed.incrementAndGet() <= 3) {
                                    System.err.println("send failed: " + e.getMessage());
                                }
                            }
                        }
                    },
                    "sender-" + sender);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Outcome(sent.get(), failed.get(), start, (System.nanoTime() - start) / 1e9, latencies);
    }
}
