package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the user's password changes. The current password is checked and the new one's hash stored
 * by command-side's identity, which keeps passwords out of every event; the account ends every session.
 */
public record ChangePasswordCommand(
        @TargetAggregateIdentifier UUID userId) {

    public ChangePasswordCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
