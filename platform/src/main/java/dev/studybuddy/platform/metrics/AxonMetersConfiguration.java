package dev.studybuddy.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Axon's message monitors with each meter looked up once ({@link CachingMetricRegistry}), in place of the registry
 * Axon's own auto-configuration would make (it makes one only where none is there).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
        },
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, GlobalMetricRegistry.class})
public class AxonMetersConfiguration {

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    public static GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new CachingMetricRegistry(meterRegistry);
    }
}
