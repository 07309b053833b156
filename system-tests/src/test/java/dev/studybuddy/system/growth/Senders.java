package dev.studybuddy.system.growth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Concurrent senders, each sending as fast as its previous send returns, for a fixed time. */
final class Senders {

    /** One send by sender {@code sender}; {@code tag} goes into the message so deliveries can be told apart. */
    @FunctionalInterface
    interface Send {
        void send(int sender, String tag) throws Exception;
    }

    record Outcome(long sent, long failed, long startedAt, double seconds, Latencies latencies) {
        double perSecond() {
            return sent / seconds;
        }
    }

    private final int count;

    Senders(int count) {
        this.count = count;
    }

    Outcome run(Duration duration, String tag, Send send) throws InterruptedException {
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
                        while (System.nanoTime() < end) {
                            long before = System.nanoTime();
                            try {
                                send.send(sender, tag);
                                latencies.add(before, System.nanoTime() - before);
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
