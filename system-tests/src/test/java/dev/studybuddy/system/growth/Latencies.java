package dev.studybuddy.system.growth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Latencies in nanoseconds, each with the {@link System#nanoTime()} its operation started at, collected from many
 * threads; summarized in milliseconds.
 */
final class Latencies {

    private record Sample(long startedAt, long nanos) {}

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());

    void add(long startedAt, long nanos) {
        samples.add(new Sample(startedAt, nanos));
    }

    int count() {
        return samples.size();
    }

    double p50() {
        return percentile(0.50);
    }

    double p99() {
        return percentile(0.99);
    }

    /**
     * The slowest latency of each second, in ms, by the second its operation started in after {@code phaseStart}:
     * whether a phase's slow operations come together (a pause somewhere) or are spread over it.
     */
    String maxBySecond(long phaseStart) {
        TreeMap<Long, Long> slowest = new TreeMap<>();
        for (Sample sample : snapshot()) {
            slowest.merge((sample.startedAt() - phaseStart) / 1_000_000_000L, sample.nanos(), Math::max);
        }
        StringJoiner seconds = new StringJoiner(" ");
        slowest.values().forEach(nanos -> seconds.add(Long.toString(nanos / 1_000_000)));
        return seconds.toString();
    }

    private double percentile(double p) {
        List<Long> sorted =
                new ArrayList<>(snapshot().stream().map(Sample::nanos).toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private List<Sample> snapshot() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }
}
