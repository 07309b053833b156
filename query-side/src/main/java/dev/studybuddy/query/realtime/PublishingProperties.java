package dev.studybuddy.query.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live updates leave the node for Redis ({@link RedisPublisher}).
 *
 * @param queueCapacity        updates waiting to be published; when full the oldest waiting one is dropped
 * @param failureRateThreshold percentage of failed publishes, among the last {@code slidingWindow}, that
 *                             opens the circuit
 * @param slidingWindow        how many recent publishes the failure rate is taken over
 * @param minimumCalls         publishes needed before the failure rate counts (so one failure after a quiet
 *                             spell does not open the circuit)
 * @param openFor              how long an open circuit drops updates before one publish tries Redis again
 */
@ConfigurationProperties("studybuddy.websocket.publishing")
public record PublishingProperties(
        @DefaultValue("1000") int queueCapacity,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindow,
        @DefaultValue("3") int minimumCalls,
        @DefaultValue("5s") Duration openFor) {}
