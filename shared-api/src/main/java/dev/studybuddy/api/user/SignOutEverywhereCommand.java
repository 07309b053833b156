package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends every session of the user: all access and refresh tokens issued so far stop working. */
public record SignOutEverywhereCommand(
        @TargetAggregateIdentifier UUID userId) {

    public SignOutEverywhereCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
