package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an account: it can no longer sign in, and every token it holds is revoked. */
public record DeactivateUserCommand(
        @TargetAggregateIdentifier UUID userId) {

    public DeactivateUserCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
