package dev.studybuddy.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.CancelStudySessionCommand;
import dev.studybuddy.api.group.RescheduleStudySessionCommand;
import dev.studybuddy.api.group.ScheduleStudySessionCommand;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;

/**
 * The sessions a group scheduled, each an entity of the group ({@link StudySession}, as a booking is of
 * hotel-demo's room), by id. The group checks who acts in it; these know which sessions exist and which may still
 * change. In a snapshot they are the map of sessions by id, as they were when the group held the map itself.
 */
class StudySessions {

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<UUID, StudySession> byId = new HashMap<>();

    StudySessions() {}

    /** A session's id is its key in the snapshot; the session itself leaves it out (see StudySession). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    StudySessions(Map<UUID, StudySession> read) {
        read.forEach((sessionId, session) -> byId.put(sessionId, session.identifiedAs(sessionId)));
    }

    @JsonValue
    Map<UUID, StudySession> byId() {
        return byId;
    }

    void schedule(ScheduleStudySessionCommand command) {
        if (byId.containsKey(command.sessionId())) {
            throw new DomainException(ErrorCode.CONFLICT, "A session with this id exists already.");
        }
        StudySession.requireStartAhead(command.startsAt());
        apply(new StudySessionScheduledEvent(
                command.groupId(),
                command.sessionId(),
                command.schedulerId(),
                command.title(),
                command.startsAt(),
                command.durationMinutes()));
    }

    /** @param byOwnerOrAdmin whether the actor is the group's owner or an admin, who may change anyone's session */
    void reschedule(RescheduleStudySessionCommand command, boolean byOwnerOrAdmin) {
        apply(changeable(command.sessionId(), command.actor().userId(), byOwnerOrAdmin)
                .rescheduled(command));
    }

    /** @param byOwnerOrAdmin whether the actor is the group's owner or an admin, who may change anyone's session */
    void cancel(CancelStudySessionCommand command, boolean byOwnerOrAdmin) {
        changeable(command.sessionId(), command.actor().userId(), byOwnerOrAdmin);
        apply(new StudySessionCancelledEvent(
                command.groupId(), command.sessionId(), command.actor().userId()));
    }

    private StudySession changeable(UUID sessionId, UUID userId, boolean byOwnerOrAdmin) {
        StudySession session = byId.get(sessionId);
        if (session == null || session.isCancelled()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such study session.");
        }
        session.requireChangeableBy(userId, byOwnerOrAdmin);
        return session;
    }

    @EventSourcingHandler
    void on(StudySessionScheduledEvent event) {
        byId.put(event.sessionId(), new StudySession(event));
    }
}
