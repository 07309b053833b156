package dev.studybuddy.platform.messaging;

import dev.studybuddy.api.metadata.MessageMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every command carries who sent it and the request's trace id; every event it causes inherits both,
 * so the log answers "who did what, on whose behalf". Commands that lose an optimistic-locking race
 * on their aggregate's stream are retried with back-off.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(CommandRetryProperties.class)
public class MessagingConfiguration {

    /**
     * Streaming (pooled) processors everywhere: replayable, and split into segments across nodes. A
     * failing handler stops its segment and is retried instead of being logged and skipped (Axon's
     * default), so no event is silently lost; projections may park such events in a dead-letter queue. A batch
     * that fails with an {@link Error} is retried the same way, and every failed batch is counted
     * ({@link FailedBatches}).
     */
    @Bean
    public ConfigurerModule pooledStreamingProcessors(ObjectProvider<MeterRegistry> meterRegistry) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(
                        configuration -> new FailedBatches(meterRegistry.getIfAvailable(SimpleMeterRegistry::new))));
    }

    @Bean
    public static ConditionalEventHandlers conditionalEventHandlers() {
        return new ConditionalEventHandlers();
    }

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.ACTOR, MessageMetadata.MODERATION);
    }

    /** Copies {@code traceId} (and Axon's correlation id) from the cause to what it causes. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("correlationId", MessageMetadata.TRACE_ID);
    }

    @Bean
    public RetryScheduler commandRetryScheduler(CommandRetryProperties properties) {
        return new RetryOnConcurrentAppend(ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                }))
                .backoffFactor(properties.backoffMillis())
                .maxRetryCount(properties.maxRetries())
                .build());
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetryScheduler)
                .dispatchInterceptors(List.of(new RequestMetadataInterceptor()))
                .build();
    }
}
