package dev.studybuddy.platform.metrics;

import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * The time spent handling messages over the last window, in {@value #BUCKETS} buckets: axon-micrometer's capacity
 * (busy time over the window) without its reservoir, which keeps every measurement of the window (ten minutes of
 * every message) in a skip list. The window slides a bucket at a time, so it ends between window − bucket and window
 * ago.
 */
final class BusyTimeWindow {

    static final int BUCKETS = 60;

    private final Clock clock;
    private final long windowNanos;
    private final long bucketNanos;
    private final long[] bucketOf = new long[BUCKETS];
    private final long[] busyNanos = new long[BUCKETS];

    BusyTimeWindow(Duration window, Clock clock) {
        this.clock = clock;
        this.windowNanos = window.toNanos();
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    synchronized void add(long nanos) {
        long bucket = clock.monotonicTime() / bucketNanos;
        int slot = (int) Math.floorMod(bucket, (long) BUCKETS);
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            busyNanos[slot] = 0;
        }
        busyNanos[slot] += nanos;
    }

    /** Busy time within the window over the window's length: 1.0 is one thread busy all the time. */
    synchronized double capacity() {
        long current = clock.monotonicTime() / bucketNanos;
        long busy = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            if (bucketOf[slot] > current - BUCKETS) {
                busy += busyNanos[slot];
            }
        }
        return (double) busy / windowNanos;
    }
}
