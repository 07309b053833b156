package dev.studybuddy.notification.config;

import dev.studybuddy.notification.friendrequest.FriendRequestSaga;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import dev.studybuddy.notification.studysession.StudySessionSaga;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each processor starts the first time it runs against an event store that already has a history.
 * Nothing here may notify anyone about the past: the saga processors start at the head of the stream; the
 * recipients processor reads the whole history (it needs the rosters) as a replay up to today's head, so
 * its {@code @DisallowReplay} notifiers stay silent until they see events newer than the deployment.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    @Bean
    ConfigurerModule notificationProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(FriendRequestSaga.PROCESSOR,
                        (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken))
                .registerPooledStreamingEventProcessorConfiguration(StudySessionSaga.PROCESSOR,
                        (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken))
                .registerPooledStreamingEventProcessorConfiguration(RecipientsProjection.PROCESSING_GROUP,
                        (configuration, builder) -> builder.initialToken(source -> ReplayToken.createReplayToken(
                                source.createHeadToken(), source.createTailToken()))));
    }
}
