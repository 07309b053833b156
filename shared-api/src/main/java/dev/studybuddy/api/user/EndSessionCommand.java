package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends one session of the user (one sign-in: a refresh token family and the access tokens issued from it, which
 * carry its id as their {@code sid} claim). Whether the session is the user's is checked before the command.
 */
public record EndSessionCommand(@TargetAggregateIdentifier UUID userId, UUID sessionId) {

    public EndSessionCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
