package dev.studybuddy.system.growth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in nanoseconds, collected from many threads; summarized in milliseconds. */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long value) {
        nanos.add(value);
    }

    int count() {
        return nanos.size();
    }

    double p50() {
        return percentile(0.50);
    }

    double p99() {
        return percentile(0.99);
    }

    private double percentile(double p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}
