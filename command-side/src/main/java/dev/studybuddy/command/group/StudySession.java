package dev.studybuddy.command.group;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.RescheduleStudySessionCommand;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionRules;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * A session the group scheduled: who may move or cancel it, and what it is. An entity of the group, as a
 * booking is of hotel-demo's room: {@link StudySessions} creates it, the group checks who acts in the group;
 * the session knows when it may still change, and applies its own changes.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class StudySession {

    /** Not in the snapshot: the group's snapshots key sessions by id, as they did before sessions were entities. */
    @EntityId
    @JsonIgnore
    private UUID sessionId;

    private UUID scheduledBy;
    private String title;
    private Instant startsAt;
    private int durationMinutes;
    private boolean cancelled;

    private StudySession() {}

    StudySession(StudySessionScheduledEvent event) {
        sessionId = event.sessionId();
        scheduledBy = event.scheduledBy();
        title = event.title();
        startsAt = event.startsAt();
        durationMinutes = event.durationMinutes();
    }

    /** A session starts in the future, and within the lead a calendar allows. */
    static void requireStartAhead(Instant startsAt) {
        Instant now = GenericEventMessage.clock.instant();
        if (!startsAt.isAfter(now)) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "A session starts in the future.");
        }
        if (startsAt.isAfter(now.plus(StudySessionRules.MAX_LEAD))) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "A session starts within a year.");
        }
    }

    StudySession identifiedAs(UUID id) {
        sessionId = id;
        return this;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Its scheduler, the owner or an admin may change a session, until it starts. */
    void requireChangeableBy(UUID userId, boolean ownerOrAdmin) {
        if (!scheduledBy.equals(userId) && !ownerOrAdmin) {
            throw new DomainException(
                    ErrorCode.FORBIDDEN, "Only its scheduler, the owner and admins change a session.");
        }
        if (!startsAt.isAfter(GenericEventMessage.clock.instant())) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "The session has started already.");
        }
    }

    /** A field the command leaves out stays as it is. */
    StudySessionRescheduledEvent rescheduled(RescheduleStudySessionCommand command) {
        if (command.startsAt() != null) {
            requireStartAhead(command.startsAt());
        }
        return new StudySessionRescheduledEvent(
                command.groupId(),
                sessionId,
                Objects.requireNonNullElse(command.title(), title),
                Objects.requireNonNullElse(command.startsAt(), startsAt),
                Objects.requireNonNullElse(command.durationMinutes(), durationMinutes),
                command.actor().userId());
    }

    @EventSourcingHandler
    void on(StudySessionRescheduledEvent event) {
        title = event.title();
        startsAt = event.startsAt();
        durationMinutes = event.durationMinutes();
    }

    @EventSourcingHandler
    void on(StudySessionCancelledEvent event) {
        cancelled = true;
    }

    /** By value, as when it was a record: the aggregate test fixture compares sessions to detect state changes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StudySession session
                && Objects.equals(sessionId, session.sessionId)
                && scheduledBy.equals(session.scheduledBy)
                && title.equals(session.title)
                && startsAt.equals(session.startsAt)
                && durationMinutes == session.durationMinutes
                && cancelled == session.cancelled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, scheduledBy, title, startsAt, durationMinutes, cancelled);
    }
}
