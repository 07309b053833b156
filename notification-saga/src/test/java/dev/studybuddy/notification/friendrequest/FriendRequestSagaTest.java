package dev.studybuddy.notification.friendrequest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestCancelledEvent;
import dev.studybuddy.api.friendship.FriendRequestDeclinedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.notification.log.NotificationWriter;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FriendRequestSagaTest {

    private static final Duration REMINDER_AFTER = Duration.ofDays(3);

    private final UUID requester = UUID.randomUUID();
    private final UUID addressee = UUID.randomUUID();
    private final String friendshipId = FriendshipId.of(requester, addressee);
    private final NotificationWriter notifications = mock(NotificationWriter.class);
    private SagaTestFixture<FriendRequestSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(FriendRequestSaga.class);
        fixture.registerResource(notifications);
        fixture.registerResource(new FriendRequestProperties(REMINDER_AFTER));
    }

    private FriendRequestSentEvent sent() {
        return new FriendRequestSentEvent(friendshipId, requester, addressee);
    }

    @Test
    void theAddresseeIsToldAtOnceAndAReminderIsScheduled() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sent())
                .expectActiveSagas(1)
                .expectAssociationWith("friendshipId", friendshipId)
                .expectScheduledDeadlineWithName(REMINDER_AFTER, FriendRequestSaga.REMINDER)
                .expectNoDispatchedCommands();

        verify(notifications)
                .notify(eq(addressee), anyString(), eq(new FriendRequestNotice.Received(friendshipId, requester)));
    }

    @Test
    void theAddresseeIsRemindedOnceWhenTheRequestIsStillPendingAfterTheDelay() {
        fixture.givenAPublished(sent())
                .whenTimeElapses(REMINDER_AFTER.plusMinutes(1))
                .expectTriggeredDeadlinesWithName(FriendRequestSaga.REMINDER)
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();

        verify(notifications)
                .notify(
                        eq(addressee),
                        startsWith(FriendRequestSaga.REMINDER + ":"),
                        eq(new FriendRequestNotice.Reminder(friendshipId, requester)));
    }

    @Test
    void noReminderBeforeTheDelay() {
        fixture.givenAPublished(sent())
                .whenTimeElapses(REMINDER_AFTER.minusMinutes(1))
                .expectTriggeredDeadlines()
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), FriendRequestSaga.REMINDER);

        verify(notifications, never()).notify(any(), any(), any(FriendRequestNotice.Reminder.class));
    }

    @Test
    void acceptingTellsTheRequesterCancelsTheReminderAndEndsTheSaga() {
        fixture.givenAPublished(sent());
        clearInvocations(notifications);

        fixture.whenPublishingA(new FriendRequestAcceptedEvent(friendshipId, requester, addressee))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        verify(notifications)
                .notify(eq(requester), anyString(), eq(new FriendRequestNotice.Accepted(friendshipId, addressee)));
        verify(notifications, never()).notify(eq(addressee), any(), any());
    }

    @Test
    void decliningCancelsTheReminderAndTellsNobody() {
        fixture.givenAPublished(sent());
        clearInvocations(notifications);

        fixture.whenPublishingA(new FriendRequestDeclinedEvent(friendshipId, requester, addressee))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        verifyNoInteractions(notifications);
    }

    @Test
    void cancellingCancelsTheReminderAndTellsNobody() {
        fixture.givenAPublished(sent());
        clearInvocations(notifications);

        fixture.whenPublishingA(new FriendRequestCancelledEvent(friendshipId, requester, addressee))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        verifyNoInteractions(notifications);
    }

    @Test
    void blockingCancelsTheReminderAndTheBlockedUserIsNotTold() {
        fixture.givenAPublished(sent());
        clearInvocations(notifications);

        fixture.whenPublishingA(new UserBlockedEvent(friendshipId, addressee, requester, false, requester))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        verifyNoInteractions(notifications);
    }

    @Test
    void aCancelledReminderNeverFires() {
        fixture.givenAPublished(sent())
                .andThenAPublished(new FriendRequestCancelledEvent(friendshipId, requester, addressee))
                .whenTimeElapses(REMINDER_AFTER.plusDays(1))
                .expectTriggeredDeadlines();

        verify(notifications, never()).notify(any(), any(), any(FriendRequestNotice.Reminder.class));
    }
}
