package dev.studybuddy.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * What every service adds to {@code /actuator/prometheus} beyond Spring Boot's and Axon's own meters
 * (Axon's come from {@code axon-micrometer}, set up by Axon's auto-configuration with
 * {@code axon.metrics.micrometer.dimensional: true}): README "Metrics".
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
public class MetricsConfiguration {

    @Bean
    @ConditionalOnBean({MeterRegistry.class, EventStore.class})
    EventProcessorLag eventProcessorLag(
            EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        return new EventProcessorLag(processing, eventStore, registry);
    }

    @Bean
    @ConditionalOnBean({MeterRegistry.class, EventStore.class})
    UnclaimedSegments unclaimedSegments(EventProcessingConfiguration processing, MeterRegistry registry) {
        return new UnclaimedSegments(processing, registry);
    }
}
