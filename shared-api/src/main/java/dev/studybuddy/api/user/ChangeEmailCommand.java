package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the user's e-mail address changed. The address itself is checked and stored by command-side's
 * identity, which keeps it out of every event (docs/adr/0004); the new one is unverified, and the account ends
 * every session (the caller goes on in a new one).
 */
public record ChangeEmailCommand(@TargetAggregateIdentifier UUID userId) {

    public ChangeEmailCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
