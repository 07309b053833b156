package dev.studybuddy.notification.integration;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;
import org.axonframework.extensions.amqp.eventhandling.DefaultAMQPMessageConverter;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The integration events' processor and wire format. One segment: the whole stream goes out in its order (a
 * fortiori in order per aggregate), from whichever node holds the segment. It starts at the tail, so a new
 * deployment forwards the history too; subscribers bind queues to the exchange to receive what follows.
 */
@Configuration(proxyBeanMethods = false)
class IntegrationEventsConfiguration {

    /** axon-amqp's own converter with the event serializer (Jackson), so SpringAMQPMessageSource reads it back. */
    @Bean
    AMQPMessageConverter integrationEventConverter(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return DefaultAMQPMessageConverter.builder()
                .serializer(eventSerializer)
                .routingKeyResolver(IntegrationEventPublisher::routingKey)
                .durable(true)
                .build();
    }

    @Bean
    ConfigurerModule integrationEventsProcessor(IntegrationEventsProperties properties) {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        IntegrationEventPublisher.PROCESSING_GROUP,
                        (configuration, builder) -> builder.initialSegmentCount(1)
                                .batchSize(properties.batchSize())
                                .initialToken(StreamableMessageSource::createTailToken)));
    }
}
