package dev.studybuddy.api.group;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves or renames a session; a {@code null} field stays as it is. */
public record RescheduleStudySessionCommand(
        @TargetAggregateIdentifier UUID groupId,
        UUID sessionId,
        Actor actor,
        String title,
        Instant startsAt,
        Integer durationMinutes) {

    public RescheduleStudySessionCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(actor, "actor");
        title = title == null ? null : StudySessionRules.requireTitle(title);
        durationMinutes = durationMinutes == null ? null : StudySessionRules.requireDuration(durationMinutes);
    }
}
