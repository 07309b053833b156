package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the user proved they read mail at their address (a verification link's token, checked and spent by
 * command-side's identity, which keeps the address itself out of every event: docs/adr/0004).
 */
public record VerifyEmailCommand(@TargetAggregateIdentifier UUID userId) {

    public VerifyEmailCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
