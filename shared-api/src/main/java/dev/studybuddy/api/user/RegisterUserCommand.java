package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a user account. Credentials are not part of it: they stay in the identity store and never
 * reach the event log.
 */
public record RegisterUserCommand(
        @TargetAggregateIdentifier UUID userId, String username, String displayName, Set<PlatformRole> roles) {

    public RegisterUserCommand {
        Objects.requireNonNull(userId, "userId");
        username = Usernames.requireValid(username);
        displayName = DisplayNames.requireValid(displayName);
        roles = roles == null || roles.isEmpty() ? Set.of(PlatformRole.USER) : Set.copyOf(roles);
    }
}
