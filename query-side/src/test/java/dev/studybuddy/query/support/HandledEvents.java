package dev.studybuddy.query.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** How many events of a payload type a node's processor has handled (axon-micrometer's per-processor counter). */
public final class HandledEvents {

    private HandledEvents() {}

    public static double count(MeterRegistry registry, String processorName, Class<?> payloadType) {
        return registry.find("eventProcessor.successCounter").tag("processorName", processorName).counters().stream()
                .filter(counter ->
                        String.valueOf(counter.getId().getTag("payloadType")).endsWith(payloadType.getSimpleName()))
                .mapToDouble(Counter::count)
                .sum();
    }
}
