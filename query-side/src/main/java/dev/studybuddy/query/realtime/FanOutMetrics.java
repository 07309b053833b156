package dev.studybuddy.query.realtime;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * {@code studybuddy_fanout_published_total} and {@code studybuddy_fanout_received_total}, tagged
 * {@code kind} ({@code group}, {@code direct}, {@code notifications}): updates this node published to
 * Redis (the publish succeeded) and updates it received from Redis for its own sessions (every node
 * receives every update, its own included). Received running well below published times the number of
 * nodes means pub/sub is dropping updates, which clients then only see by catching up over REST.
 * <p>
 * {@code studybuddy_fanout_dropped_total{kind, reason}}: updates this node did not publish, because its
 * queue was full ({@code queue-full}, the oldest waiting is dropped), the circuit to Redis was open
 * ({@code circuit-open}) or the publish failed ({@code failed}). {@code studybuddy_fanout_queued}: updates
 * waiting to be published; {@code studybuddy_fanout_circuit_open}: 1 while publishing to Redis is
 * suspended or on trial (the circuit open or half-open), else 0.
 */
@Component
class FanOutMetrics {

    private final MeterRegistry registry;

    FanOutMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String channel) {
        counter("studybuddy.fanout.published", "Updates this node published to Redis", channel)
                .increment();
    }

    void received(String channel) {
        counter("studybuddy.fanout.received", "Updates this node received from Redis", channel)
                .increment();
    }

    void dropped(String channel, String reason) {
        Counter.builder("studybuddy.fanout.dropped")
                .description("Updates this node dropped instead of publishing")
                .tag("kind", RedisChannels.kind(channel))
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    void watch(Collection<?> queue, CircuitBreaker breaker) {
        Gauge.builder("studybuddy.fanout.queued", queue, Collection::size)
                .description("Updates waiting to be published to Redis")
                .register(registry);
        Gauge.builder(
                        "studybuddy.fanout.circuit.open",
                        breaker,
                        b -> b.getState() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .description("1 while publishing to Redis is suspended or on trial")
                .register(registry);
    }

    private Counter counter(String name, String description, String channel) {
        return Counter.builder(name)
                .description(description)
                .tag("kind", RedisChannels.kind(channel))
                .register(registry);
    }
}
