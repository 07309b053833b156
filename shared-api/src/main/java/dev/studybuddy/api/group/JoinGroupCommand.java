package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Joins an OPEN group, or files a request with an APPROVAL group; answers with a {@link JoinOutcome}. */
public record JoinGroupCommand(@TargetAggregateIdentifier UUID groupId, UUID userId) {

    public JoinGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
    }
}
