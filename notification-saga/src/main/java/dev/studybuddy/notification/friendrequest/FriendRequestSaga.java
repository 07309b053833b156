package dev.studybuddy.notification.friendrequest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestCancelledEvent;
import dev.studybuddy.api.friendship.FriendRequestDeclinedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.notification.log.NotificationWriter;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * One pending friend request, from sending to its answer: the addressee is told at once and reminded once
 * if it is still pending after {@link FriendRequestProperties#reminderAfter()}; the requester is told when it
 * is accepted. A decline, a cancellation or a block ends it quietly (a blocked user is never told).
 * Its state, its reminder (a durable db-scheduler deadline) and what it writes to the NotificationLog
 * commit together.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class FriendRequestSaga {

    /** The processor Axon names after this saga; its position lives in token_entry. */
    public static final String PROCESSOR = "FriendRequestSagaProcessor";

    static final String REMINDER = "friend-request-reminder";
    private static final String FRIENDSHIP = "friendshipId";

    private UUID requesterId;
    private UUID addresseeId;
    private String friendshipId;
    private String requestEventId;
    private String reminderId;
    /** Set first, so that an acceptance parked before it was told keeps the reminder from asking meanwhile. */
    private boolean accepted;

    @StartSaga
    @SagaEventHandler(associationProperty = FRIENDSHIP)
    @DisallowReplay
    public void on(
            FriendRequestSentEvent event,
            EventMessage<?> message,
            NotificationWriter notifications,
            DeadlineManager deadlines,
            FriendRequestProperties properties) {
        requesterId = event.requesterId();
        addresseeId = event.addresseeId();
        friendshipId = event.friendshipId();
        requestEventId = message.getIdentifier();
        notifications.notify(addresseeId, requestEventId, new FriendRequestNotice.Received(friendshipId, requesterId));
        reminderId = deadlines.schedule(properties.reminderAfter(), REMINDER, new ReminderDue(friendshipId));
    }

    /** Keyed by the request, not the deadline message, so a deadline that fires twice still reminds once. */
    @DeadlineHandler(deadlineName = REMINDER)
    public void remind(ReminderDue reminder, NotificationWriter notifications) {
        if (accepted) {
            return;
        }
        reminderId = null;
        notifications.notify(
                addresseeId,
                REMINDER + ":" + requestEventId,
                new FriendRequestNotice.Reminder(friendshipId, requesterId));
    }

    /**
     * Ends the saga only once the requester is told: {@code @EndSaga} would end it even when telling them failed, and
     * the parked event's retry would then find no saga to tell them.
     */
    @SagaEventHandler(associationProperty = FRIENDSHIP)
    @DisallowReplay
    public void on(
            FriendRequestAcceptedEvent event,
            EventMessage<?> message,
            NotificationWriter notifications,
            DeadlineManager deadlines) {
        accepted = true;
        notifications.notify(
                event.requesterId(),
                message.getIdentifier(),
                new FriendRequestNotice.Accepted(event.friendshipId(), event.addresseeId()));
        cancelReminder(deadlines);
        SagaLifecycle.end();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = FRIENDSHIP)
    public void on(FriendRequestDeclinedEvent event, DeadlineManager deadlines) {
        cancelReminder(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = FRIENDSHIP)
    public void on(FriendRequestCancelledEvent event, DeadlineManager deadlines) {
        cancelReminder(deadlines);
    }

    /** A block withdraws a pending request either way; unrelated blocks of a pair without a request start nothing. */
    @SagaEventHandler(associationProperty = FRIENDSHIP)
    public void on(UserBlockedEvent event, DeadlineManager deadlines) {
        cancelReminder(deadlines);
        SagaLifecycle.end();
    }

    private void cancelReminder(DeadlineManager deadlines) {
        if (reminderId != null) {
            deadlines.cancelSchedule(REMINDER, reminderId);
            reminderId = null;
        }
    }
}
