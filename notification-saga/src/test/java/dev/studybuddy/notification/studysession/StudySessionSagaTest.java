package dev.studybuddy.notification.studysession;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.notification.log.NotificationWriter;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StudySessionSagaTest {

    private static final Duration REMIND_BEFORE = Duration.ofMinutes(15);
    private static final Duration STARTS_IN = Duration.ofHours(2);
    private static final int DURATION_MINUTES = 60;

    private final UUID group = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final UUID organiser = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final NotificationWriter notifications = mock(NotificationWriter.class);
    /** The projection answers with the members not at NONE; a muted member is simply not among them. */
    private final Recipients recipients = mock(Recipients.class);

    private SagaTestFixture<StudySessionSaga> fixture;
    private Instant startsAt;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(StudySessionSaga.class);
        fixture.registerResource(notifications);
        fixture.registerResource(recipients);
        fixture.registerResource(new StudySessionProperties(REMIND_BEFORE));
        when(recipients.unmutedMembersOf(group)).thenReturn(List.of(organiser, member));
        when(recipients.groupName(group)).thenReturn(Optional.of("Linear Algebra"));
        startsAt = fixture.currentTime().plus(STARTS_IN);
    }

    /** The events are the Group aggregate's own (test-support's GroupDecisions, checked against it). */
    private StudySessionScheduledEvent scheduled() {
        return GroupDecisions.scheduleSession(group, session, organiser, "Eigenvalues", startsAt, DURATION_MINUTES)
                .event();
    }

    private StudySessionRescheduledEvent rescheduled(String title, Instant to) {
        return GroupDecisions.rescheduleSession(group, session, organiser, title, to, DURATION_MINUTES)
                .event();
    }

    private StudySessionCancelledEvent cancelled() {
        return GroupDecisions.cancelSession(group, session, organiser).event();
    }

    @Test
    void schedulingSetsTheReminderBeforeTheStartAndNotifiesNobodyYet() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(scheduled())
                .expectActiveSagas(1)
                .expectAssociationWith("sessionId", session)
                .expectScheduledDeadlineWithName(startsAt.minus(REMIND_BEFORE), StudySessionSaga.REMINDER)
                .expectScheduledDeadlineWithName(
                        startsAt.plus(Duration.ofMinutes(DURATION_MINUTES)), StudySessionSaga.OVER);

        verify(notifications, never()).notify(any(), any(), any());
    }

    @Test
    void theReminderGoesToEveryUnmutedMemberWhenItFires() {
        fixture.givenAPublished(scheduled())
                .whenTimeElapses(STARTS_IN.minus(REMIND_BEFORE).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(StudySessionSaga.REMINDER)
                .expectActiveSagas(1);

        String key = StudySessionSaga.REMINDER + ":" + session + ":" + startsAt;
        StudySessionNotice reminder = new StudySessionNotice.Reminder(
                group, "Linear Algebra", session, "Eigenvalues", startsAt, DURATION_MINUTES);
        verify(notifications).notify(organiser, key, reminder);
        verify(notifications).notify(member, key, reminder);
    }

    @Test
    void reschedulingMovesTheReminderAndTellsTheMembersOfTheMove() {
        Instant later = startsAt.plus(Duration.ofHours(24));
        fixture.givenAPublished(scheduled());
        clearInvocations(notifications);

        fixture.whenPublishingA(rescheduled("Eigenvalues", later))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(later.minus(REMIND_BEFORE), StudySessionSaga.REMINDER)
                .expectScheduledDeadlineWithName(
                        later.plus(Duration.ofMinutes(DURATION_MINUTES)), StudySessionSaga.OVER)
                .expectNoScheduledDeadlineWithName(startsAt.minus(REMIND_BEFORE), StudySessionSaga.REMINDER);

        verify(notifications)
                .notify(
                        eq(member),
                        anyString(),
                        eq(new StudySessionNotice.Rescheduled(
                                group,
                                "Linear Algebra",
                                session,
                                "Eigenvalues",
                                later,
                                DURATION_MINUTES,
                                startsAt,
                                organiser)));
        verify(notifications, never()).notify(eq(organiser), any(), any());
    }

    @Test
    void aMovedSessionIsRemindedOfItsNewTimeOnly() {
        Duration later = STARTS_IN.plusHours(1);
        Instant newStart = fixture.currentTime().plus(later);
        fixture.givenAPublished(scheduled())
                .andThenAPublished(rescheduled("Eigenvalues", newStart))
                .whenTimeElapses(later.minus(REMIND_BEFORE).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(StudySessionSaga.REMINDER);

        verify(notifications, times(1))
                .notify(
                        member,
                        StudySessionSaga.REMINDER + ":" + session + ":" + newStart,
                        new StudySessionNotice.Reminder(
                                group, "Linear Algebra", session, "Eigenvalues", newStart, DURATION_MINUTES));
        verify(notifications, times(1)).notify(eq(member), anyString(), any(StudySessionNotice.Reminder.class));
    }

    @Test
    void aChangeOfTitleOnlyMovesNothingAndTellsNobody() {
        fixture.givenAPublished(scheduled());
        clearInvocations(notifications);

        fixture.whenPublishingA(rescheduled("Eigenvectors", startsAt))
                .expectScheduledDeadlineWithName(startsAt.minus(REMIND_BEFORE), StudySessionSaga.REMINDER);

        verify(notifications, never()).notify(any(), any(), any());
    }

    @Test
    void cancellingCancelsTheReminderTellsTheMembersAndEndsTheSaga() {
        fixture.givenAPublished(scheduled());
        clearInvocations(notifications);

        fixture.whenPublishingA(cancelled()).expectActiveSagas(0).expectNoScheduledDeadlines();

        verify(notifications)
                .notify(
                        eq(member),
                        anyString(),
                        eq(new StudySessionNotice.Cancelled(
                                group,
                                "Linear Algebra",
                                session,
                                "Eigenvalues",
                                startsAt,
                                DURATION_MINUTES,
                                organiser)));
        verify(notifications, never()).notify(eq(organiser), any(), any());
    }

    @Test
    void aCancelledSessionIsNeverReminded() {
        fixture.givenAPublished(scheduled())
                .andThenAPublished(cancelled())
                .whenTimeElapses(STARTS_IN.plusHours(1))
                .expectTriggeredDeadlines();

        verify(notifications, never()).notify(any(), any(), any(StudySessionNotice.Reminder.class));
    }

    @Test
    void aSessionStartingSoonerThanTheReminderDelayIsRemindedAtOnce() {
        startsAt = fixture.currentTime().plus(Duration.ofMinutes(5));
        fixture.givenAPublished(scheduled())
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectTriggeredDeadlinesWithName(StudySessionSaga.REMINDER);

        verify(notifications)
                .notify(
                        member,
                        StudySessionSaga.REMINDER + ":" + session + ":" + startsAt,
                        new StudySessionNotice.Reminder(
                                group, "Linear Algebra", session, "Eigenvalues", startsAt, DURATION_MINUTES));
    }

    @Test
    void theSagaEndsWhenTheSessionIsOver() {
        fixture.givenAPublished(scheduled())
                .whenTimeElapses(STARTS_IN.plusMinutes(DURATION_MINUTES).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(StudySessionSaga.REMINDER, StudySessionSaga.OVER)
                .expectActiveSagas(0);
    }
}
