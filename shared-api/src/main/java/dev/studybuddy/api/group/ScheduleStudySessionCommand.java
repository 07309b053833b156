package dev.studybuddy.api.group;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member schedules a study session of the group; members are reminded before it starts. */
public record ScheduleStudySessionCommand(
        @TargetAggregateIdentifier UUID groupId,
        UUID sessionId,
        UUID schedulerId,
        String title,
        Instant startsAt,
        int durationMinutes) {

    public ScheduleStudySessionCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(schedulerId, "schedulerId");
        Objects.requireNonNull(startsAt, "startsAt");
        title = StudySessionRules.requireTitle(title);
        durationMinutes = StudySessionRules.requireDuration(durationMinutes);
    }
}
