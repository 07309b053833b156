package dev.studybuddy.notification.studysession;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.notification.log.NotificationWriter;
import dev.studybuddy.notification.recipients.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * One study session, from scheduling to its end: every member who has not muted the group (level NONE) is
 * reminded {@link StudySessionProperties#remindBefore()} before it starts, and told when it is moved (the
 * reminder moves with it) or cancelled. Recipients are read from the recipients projection when the notice is
 * written, so whoever joined or muted the group in the meantime is counted as they are then. The reminder and
 * the session's end are durable db-scheduler deadlines; the end closes the saga.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StudySessionSaga {

    /** The processor Axon names after this saga; its position lives in token_entry. */
    public static final String PROCESSOR = "StudySessionSagaProcessor";

    static final String REMINDER = "study-session-reminder";
    static final String OVER = "study-session-over";
    private static final String SESSION = "sessionId";
    /** Well inside PostgreSQL's timestamps (year 294276), where the deadlines are stored. */
    private static final Instant LAST_SCHEDULABLE = Instant.parse("9999-12-31T23:59:59Z");

    private UUID groupId;
    private UUID sessionId;
    private String title;
    private Instant startsAt;
    private int durationMinutes;
    private String reminderId;
    private String overId;
    /** Set first, so that a cancellation parked before it was told keeps the deadlines from acting meanwhile. */
    private boolean cancelled;

    /**
     * A session that cannot be scheduled starts no saga: Axon keeps the saga a failing start handler began, and with
     * its event parked nothing would ever end it; the letter's retry starts one again.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = SESSION)
    @DisallowReplay
    public void on(
            StudySessionScheduledEvent event,
            EventMessage<?> message,
            DeadlineManager deadlines,
            StudySessionProperties properties) {
        try {
            requireSchedulable(event.startsAt().plus(Duration.ofMinutes(event.durationMinutes())));
        } catch (IllegalArgumentException e) {
            SagaLifecycle.end();
            throw e;
        }
        groupId = event.groupId();
        sessionId = event.sessionId();
        title = event.title();
        startsAt = event.startsAt();
        durationMinutes = event.durationMinutes();
        plan(deadlines, properties, message.getTimestamp());
    }

    /**
     * What can fail comes first (the new time checked, the members told), what cannot after (the saga's own state,
     * its deadlines): a failure parks the event with its savepoint's writes undone, but the saga and the deadlines
     * registered for its commit would have kept whatever had been changed already.
     */
    @SagaEventHandler(associationProperty = SESSION)
    @DisallowReplay
    public void on(
            StudySessionRescheduledEvent event,
            EventMessage<?> message,
            DeadlineManager deadlines,
            StudySessionProperties properties,
            NotificationWriter notifications,
            Recipients recipients) {
        requireSchedulable(event.startsAt().plus(Duration.ofMinutes(event.durationMinutes())));
        if (!event.startsAt().equals(startsAt) || event.durationMinutes() != durationMinutes) {
            tellMembers(
                    event.changedBy(),
                    message.getIdentifier(),
                    new StudySessionNotice.Rescheduled(
                            groupId,
                            groupName(recipients),
                            sessionId,
                            event.title(),
                            event.startsAt(),
                            event.durationMinutes(),
                            startsAt,
                            event.changedBy()),
                    notifications,
                    recipients);
        }
        title = event.title();
        startsAt = event.startsAt();
        durationMinutes = event.durationMinutes();
        cancelDeadlines(deadlines);
        plan(deadlines, properties, message.getTimestamp());
    }

    /**
     * Ends the saga only once the members are told: {@code @EndSaga} would end it even when telling them failed. If it
     * fails, the saga waits for the parked event's retry, its deadlines doing nothing meanwhile.
     */
    @SagaEventHandler(associationProperty = SESSION)
    @DisallowReplay
    public void on(
            StudySessionCancelledEvent event,
            EventMessage<?> message,
            DeadlineManager deadlines,
            NotificationWriter notifications,
            Recipients recipients) {
        cancelled = true;
        tellMembers(
                event.cancelledBy(),
                message.getIdentifier(),
                new StudySessionNotice.Cancelled(
                        groupId,
                        groupName(recipients),
                        sessionId,
                        title,
                        startsAt,
                        durationMinutes,
                        event.cancelledBy()),
                notifications,
                recipients);
        cancelDeadlines(deadlines);
        SagaLifecycle.end();
    }

    /**
     * Keyed by the session and the start it announces, not by the deadline message: a deadline that fires
     * twice reminds once, and a session moved after its reminder is reminded again of its new time.
     */
    @DeadlineHandler(deadlineName = REMINDER)
    public void remind(SessionReminderDue due, NotificationWriter notifications, Recipients recipients) {
        if (cancelled || !due.startsAt().equals(startsAt)) {
            return;
        }
        reminderId = null;
        tellMembers(
                null,
                REMINDER + ":" + sessionId + ":" + startsAt,
                new StudySessionNotice.Reminder(
                        groupId, groupName(recipients), sessionId, title, startsAt, durationMinutes),
                notifications,
                recipients);
    }

    @DeadlineHandler(deadlineName = OVER)
    public void over(SessionOverDue due, DeadlineManager deadlines) {
        if (cancelled || due.endsAt() != null && !due.endsAt().equals(endsAt())) {
            return;
        }
        overId = null;
        cancelDeadlines(deadlines);
        SagaLifecycle.end();
    }

    private Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    /** A reminder only for a session that has not started yet; if its time has passed already, at once. */
    private void plan(DeadlineManager deadlines, StudySessionProperties properties, Instant now) {
        requireSchedulable(endsAt());
        if (startsAt.isAfter(now)) {
            Instant remindAt = startsAt.minus(properties.remindBefore());
            reminderId = deadlines.schedule(
                    remindAt.isAfter(now) ? remindAt : now, REMINDER, new SessionReminderDue(sessionId, startsAt));
        }
        Instant end = endsAt();
        overId = deadlines.schedule(end.isAfter(now) ? end : now, OVER, new SessionOverDue(sessionId, end));
    }

    /**
     * Deadlines are written when the unit of work commits, outside the handler: one beyond what the
     * scheduler's timestamp column holds would fail every retry of the batch. Failing here instead parks
     * the event (platform's dead letters).
     */
    private static void requireSchedulable(Instant at) {
        if (at.isAfter(LAST_SCHEDULABLE)) {
            throw new IllegalArgumentException("a study session ending at " + at + " cannot be scheduled");
        }
    }

    private void cancelDeadlines(DeadlineManager deadlines) {
        if (reminderId != null) {
            deadlines.cancelSchedule(REMINDER, reminderId);
            reminderId = null;
        }
        if (overId != null) {
            deadlines.cancelSchedule(OVER, overId);
            overId = null;
        }
    }

    /** Everyone who has not muted the group, except whoever caused the notice (they know). */
    private void tellMembers(
            UUID actor,
            String sourceId,
            StudySessionNotice payload,
            NotificationWriter notifications,
            Recipients recipients) {
        for (UUID member : recipients.unmutedMembersOf(groupId)) {
            if (!member.equals(actor)) {
                notifications.notify(member, sourceId, payload);
            }
        }
    }

    /** Null when this service does not know it; the payload then leaves it out. */
    private String groupName(Recipients recipients) {
        return recipients.groupName(groupId).orElse(null);
    }
}
