package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a session: its scheduler, or the group's OWNER or an ADMIN. */
public record CancelStudySessionCommand(
        @TargetAggregateIdentifier UUID groupId, UUID sessionId, Actor actor) {

    public CancelStudySessionCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(actor, "actor");
    }
}
