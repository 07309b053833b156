package dev.studybuddy.query.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code studybuddy_fanout_published_total} and {@code studybuddy_fanout_received_total}, tagged
 * {@code kind} ({@code group}, {@code direct}, {@code notifications}): updates this node published to
 * Redis (the publish succeeded) and updates it received from Redis for its own sessions (every node
 * receives every update, its own included). Received running well below published times the number of
 * nodes means pub/sub is dropping updates, which clients then only see by catching up over REST.
 */
@Component
class FanOutMetrics {

    private final MeterRegistry registry;

    FanOutMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String channel) {
        counter("studybuddy.fanout.published", "Updates this node published to Redis", channel).increment();
    }

    void received(String channel) {
        counter("studybuddy.fanout.received", "Updates this node received from Redis", channel).increment();
    }

    private Counter counter(String name, String description, String channel) {
        return Counter.builder(name).description(description).tag("kind", RedisChannels.kind(channel)).register(registry);
    }
}
