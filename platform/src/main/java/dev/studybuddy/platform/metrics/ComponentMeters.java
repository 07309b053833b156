package dev.studybuddy.platform.metrics;

import static org.axonframework.micrometer.TagsUtil.PAYLOAD_TYPE_TAG;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * One Axon component's meters, as axon-micrometer's dimensional monitors make them (same names, tags and timer
 * settings: {@code MessageTimerMonitor}, {@code MessageCountingMonitor}, {@code CapacityMonitor},
 * {@code EventProcessorLatencyMonitor}), but each payload type's meters are looked up in the registry once, not for
 * every message: axon-micrometer builds and registers nine meters per message and component, and every event
 * processor takes every event in (most of them to report it ignored), which cost the services 7–17% of their CPU
 * in the growth benchmark (docs/benchmarks-log.md, eighteenth session).
 */
final class ComponentMeters implements MessageMonitor<Message<?>> {

    static final Duration CAPACITY_WINDOW = Duration.ofMinutes(10);
    private static final Duration PERCENTILES_EXPIRY = Duration.ofMinutes(10);
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    /** Which of axon-micrometer's monitors a component has, and whether its counters are tagged. */
    enum Kind {
        /** timers, capacity, counters and latency, all tagged with the payload type and the processor's name */
        EVENT_PROCESSOR(true, true, true),
        /** timers, capacity and counters tagged with the payload type: the command and query buses */
        HANDLER(true, true, false),
        /** timers tagged with the payload type, counters untagged, no capacity: the event store */
        EVENT_BUS(false, false, false);

        private final boolean countersTagged;
        private final boolean capacity;
        private final boolean latency;

        Kind(boolean countersTagged, boolean capacity, boolean latency) {
            this.countersTagged = countersTagged;
            this.capacity = capacity;
            this.latency = latency;
        }
    }

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags componentTags;
    private final Kind kind;
    private final Clock clock;
    private final Map<Class<?>, PayloadMeters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicLong latencyMillis = new AtomicLong();
    private volatile boolean latencyRegistered;

    ComponentMeters(MeterRegistry registry, String prefix, Tags componentTags, Kind kind) {
        this.registry = registry;
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.kind = kind;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        PayloadMeters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::metersFor);
        meters.ingested.increment();
        if (kind.latency && message instanceof EventMessage<?> event) {
            recordLatency(event);
        }
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long nanos = meters.handled(start);
                meters.success.record(nanos, TimeUnit.NANOSECONDS);
                meters.processed.increment();
                meters.succeeded.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                long nanos = meters.handled(start);
                meters.failure.record(nanos, TimeUnit.NANOSECONDS);
                meters.processed.increment();
                meters.failed.increment();
            }

            @Override
            public void reportIgnored() {
                long nanos = meters.handled(start);
                meters.ignored.record(nanos, TimeUnit.NANOSECONDS);
                meters.ignoredCount.increment();
            }
        };
    }

    private void recordLatency(EventMessage<?> event) {
        latencyMillis.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
        if (!latencyRegistered) {
            Gauge.builder(prefix + ".latency", latencyMillis, AtomicLong::get)
                    .tags(componentTags)
                    .register(registry);
            latencyRegistered = true;
        }
    }

    private PayloadMeters metersFor(Class<?> payloadType) {
        Tags tags = componentTags.and(PAYLOAD_TYPE_TAG, payloadType.getSimpleName());
        Tags counterTags = kind.countersTagged ? tags : Tags.empty();
        BusyTimeWindow busy = null;
        if (kind.capacity) {
            BusyTimeWindow window = new BusyTimeWindow(CAPACITY_WINDOW, clock);
            Gauge.builder(prefix + ".capacity", window, BusyTimeWindow::capacity)
                    .tags(tags)
                    .register(registry);
            busy = window;
        }
        return new PayloadMeters(
                clock,
                busy,
                timer("allTimer", tags),
                timer("successTimer", tags),
                timer("failureTimer", tags),
                timer("ignoredTimer", tags),
                registry.counter(prefix + ".ingestedCounter", counterTags),
                registry.counter(prefix + ".successCounter", counterTags),
                registry.counter(prefix + ".failureCounter", counterTags),
                registry.counter(prefix + ".processedCounter", counterTags),
                registry.counter(prefix + ".ignoredCounter", counterTags));
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name)
                .distributionStatisticExpiry(PERCENTILES_EXPIRY)
                .publishPercentiles(PERCENTILES)
                .tags(tags)
                .register(registry);
    }

    private record PayloadMeters(
            Clock clock,
            BusyTimeWindow busy,
            Timer all,
            Timer success,
            Timer failure,
            Timer ignored,
            Counter ingested,
            Counter succeeded,
            Counter failed,
            Counter processed,
            Counter ignoredCount) {

        /** The time since {@code start}, recorded in the "all" timer and the capacity. */
        long handled(long start) {
            long nanos = clock.monotonicTime() - start;
            all.record(nanos, TimeUnit.NANOSECONDS);
            if (busy != null) {
                busy.add(nanos);
            }
            return nanos;
        }
    }
}
