package dev.studybuddy.platform.metrics;

import static org.axonframework.micrometer.TagsUtil.PROCESSOR_NAME_TAG;

import dev.studybuddy.platform.metrics.ComponentMeters.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * axon-micrometer's registry of message monitors, whose dimensional monitors ({@code axon.metrics.micrometer.dimensional:
 * true}) are {@link ComponentMeters}: the same meters, each looked up once.
 */
public class CachingMetricRegistry extends GlobalMetricRegistry {

    private static final String EVENT_PROCESSOR_METRICS_NAME = "eventProcessor";

    public CachingMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(
            Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return meters(
                    EVENT_PROCESSOR_METRICS_NAME, Tags.of(PROCESSOR_NAME_TAG, componentName), Kind.EVENT_PROCESSOR);
        }
        if (CommandBus.class.isAssignableFrom(componentType)
                || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return meters(componentName, Tags.empty(), Kind.HANDLER);
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return meters(componentName, Tags.empty(), Kind.EVENT_BUS);
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private MessageMonitor<Message<?>> meters(String prefix, Tags tags, Kind kind) {
        return new ComponentMeters(getRegistry(), prefix, tags, kind);
    }
}
