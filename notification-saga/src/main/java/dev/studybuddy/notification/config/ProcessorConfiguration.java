package dev.studybuddy.notification.config;

import dev.studybuddy.notification.friendrequest.FriendRequestSaga;
import dev.studybuddy.notification.integration.IntegrationEventPublisher;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import dev.studybuddy.notification.studysession.StudySessionSaga;
import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import dev.studybuddy.platform.deadletter.SagaDeadLetters;
import dev.studybuddy.platform.messaging.SagaEventTypes;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each processor starts the first time it runs against an event store that already has a history.
 * Nothing here may notify anyone about the past: the saga processors start at the head of the stream; the
 * recipients processor reads the whole history (it needs the rosters) as a replay up to today's head, so
 * its {@code @DisallowReplay} notifiers stay silent until they see events newer than the deployment. A saga's
 * processor says which events its saga never handles ({@link SagaEventTypes}), so that chat traffic does not wake it.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    @Bean
    ConfigurerModule notificationProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(
                        FriendRequestSaga.PROCESSOR,
                        SagaEventTypes.of(FriendRequestSaga.class)
                                .andThen((configuration, builder) ->
                                        builder.initialToken(StreamableMessageSource::createHeadToken)))
                .registerPooledStreamingEventProcessorConfiguration(
                        StudySessionSaga.PROCESSOR,
                        SagaEventTypes.of(StudySessionSaga.class)
                                .andThen((configuration, builder) ->
                                        builder.initialToken(StreamableMessageSource::createHeadToken)))
                .registerPooledStreamingEventProcessorConfiguration(
                        RecipientsProjection.PROCESSING_GROUP,
                        (configuration, builder) -> builder.initialToken(source ->
                                ReplayToken.createReplayToken(source.createHeadToken(), source.createTailToken()))));
    }

    /** No event stalls a processor: each parks what it cannot handle (platform's dead letters). */
    @Bean
    ConfigurerModule recipientsDeadLetters(DeadLetterQueues queues) {
        return queues.on(RecipientsProjection.PROCESSING_GROUP);
    }

    @Bean
    ConfigurerModule integrationEventsDeadLetters(DeadLetterQueues queues) {
        return queues.on(IntegrationEventPublisher.PROCESSING_GROUP);
    }

    @Bean
    ConfigurerModule friendRequestSagaDeadLetters(SagaDeadLetters sagas) {
        return sagas.on(FriendRequestSaga.class, FriendRequestSaga.PROCESSOR);
    }

    @Bean
    ConfigurerModule studySessionSagaDeadLetters(SagaDeadLetters sagas) {
        return sagas.on(StudySessionSaga.class, StudySessionSaga.PROCESSOR);
    }
}
