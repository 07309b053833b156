package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a deactivated account again: it may sign in anew. An erased account stays closed. */
public record ReactivateUserCommand(
        @TargetAggregateIdentifier UUID userId) {

    public ReactivateUserCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
