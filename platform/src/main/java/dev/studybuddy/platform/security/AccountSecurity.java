package dev.studybuddy.platform.security;

import dev.studybuddy.api.user.ChangesSecurityStamp;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What decides whether a user's token is still good, as the UserAccount's own events say: the platform
 * roles, whether the account is open, and the security stamp (the sequence number of the latest
 * {@link ChangesSecurityStamp} event; 0 after registration).
 *
 * @param known false when the event store holds no account of that id (then stamp 0, no roles)
 */
public record AccountSecurity(boolean known, Set<PlatformRole> roles, boolean active, long stamp) {

    public static final AccountSecurity UNKNOWN = new AccountSecurity(false, Set.of(), true, 0);

    /** Folds an account's events, in order, from its first. */
    public static AccountSecurity of(Stream<? extends DomainEventMessage<?>> events) {
        var state = new Object() {
            boolean known;
            Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
            boolean active = true;
            long stamp;
        };
        events.forEach(event -> {
            Object payload = event.getPayload();
            if (payload instanceof UserRegisteredEvent registered) {
                state.known = true;
                state.roles = Set.copyOf(registered.roles());
            } else if (payload instanceof PlatformRolesChangedEvent changed) {
                state.roles = Set.copyOf(changed.roles());
            } else if (payload instanceof UserDeactivatedEvent) {
                state.active = false;
            }
            if (payload instanceof ChangesSecurityStamp) {
                state.stamp = event.getSequenceNumber();
            }
        });
        return state.known ? new AccountSecurity(true, state.roles, state.active, state.stamp) : UNKNOWN;
    }
}
