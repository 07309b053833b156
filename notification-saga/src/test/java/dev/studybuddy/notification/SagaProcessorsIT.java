package dev.studybuddy.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.notification.friendrequest.FriendRequestSaga;
import dev.studybuddy.notification.studysession.StudySessionSaga;
import dev.studybuddy.platform.messaging.SagaEventTypes;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The running service's saga processors tell their streams which events their sagas never handle (chat traffic),
 * and still take every event their sagas do (the sagas' own tests, e.g. FriendRequestReminderIT, run through them).
 */
@NotificationSagaIT
class SagaProcessorsIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ApplicationContext context;

    @Test
    void theFriendRequestSagasProcessorSkipsChatEventsOnly() {
        EventHandlerInvoker invoker = invokerOf(FriendRequestSaga.PROCESSOR);

        assertThat(invoker).isInstanceOf(SagaEventTypes.class);
        assertThat(invoker.canHandleType(FriendRequestSentEvent.class)).isTrue();
        assertThat(invoker.canHandleType(FriendRequestAcceptedEvent.class)).isTrue();
        assertThat(invoker.canHandleType(UserBlockedEvent.class)).isTrue();
        assertThat(invoker.canHandleType(GroupMessagePostedEvent.class)).isFalse();
        assertThat(invoker.canHandleType(StudySessionScheduledEvent.class)).isFalse();
    }

    @Test
    void theStudySessionSagasProcessorSkipsChatEventsOnly() {
        EventHandlerInvoker invoker = invokerOf(StudySessionSaga.PROCESSOR);

        assertThat(invoker).isInstanceOf(SagaEventTypes.class);
        assertThat(invoker.canHandleType(StudySessionScheduledEvent.class)).isTrue();
        assertThat(invoker.canHandleType(StudySessionCancelledEvent.class)).isTrue();
        assertThat(invoker.canHandleType(GroupMessagePostedEvent.class)).isFalse();
        assertThat(invoker.canHandleType(FriendRequestSentEvent.class)).isFalse();
    }

    @Test
    void noEventHandlerSharesASagasProcessor() {
        // SagaEventTypes hands the processor's events to the saga's manager alone
        assertThat(context.getBeanNamesForAnnotation(ProcessingGroup.class))
                .extracting(bean -> context.findAnnotationOnBean(bean, ProcessingGroup.class)
                        .value())
                .doesNotContain(FriendRequestSaga.PROCESSOR, StudySessionSaga.PROCESSOR)
                .isNotEmpty();
    }

    private EventHandlerInvoker invokerOf(String processor) {
        return processing
                .eventProcessor(processor, PooledStreamingEventProcessor.class)
                .orElseThrow()
                .eventHandlerInvoker();
    }
}
