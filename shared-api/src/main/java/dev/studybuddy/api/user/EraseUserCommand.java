package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases an account: what identity held is gone and the data key destroyed already; the account records it. */
public record EraseUserCommand(@TargetAggregateIdentifier UUID userId) {

    public EraseUserCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
