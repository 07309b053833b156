package dev.studybuddy.platform.security;

import dev.studybuddy.api.user.ChangesSecurityStamp;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.SessionEndedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * What decides whether a user's token is still good, as the UserAccount's own events say: the platform
 * roles, whether the account is open, the security stamp (the sequence number of the latest
 * {@link ChangesSecurityStamp} event; 0 after registration) and the sessions ended one by one since then
 * ({@link SessionEndedEvent}; tokens of sessions ended before the stamp moved are refused by the stamp already).
 *
 * @param known         false when the event store holds no account of that id (then stamp 0, no roles)
 * @param endedSessions the {@code sid}s whose access tokens are refused although their stamp is current
 */
public record AccountSecurity(
        boolean known, Set<PlatformRole> roles, boolean active, long stamp, Set<UUID> endedSessions) {

    public static final AccountSecurity UNKNOWN = new AccountSecurity(false, Set.of(), true, 0, Set.of());

    public AccountSecurity {
        endedSessions = Set.copyOf(endedSessions);
    }

    /** Whether the access tokens of that session were refused by ending it ({@code null}: a token without one). */
    public boolean ended(UUID sessionId) {
        return sessionId != null && endedSessions.contains(sessionId);
    }

    /** Folds an account's events, in order, from its first. */
    public static AccountSecurity of(Stream<? extends DomainEventMessage<?>> events) {
        var state = new Object() {
            boolean known;
            Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
            boolean active = true;
            long stamp;
            final Set<UUID> endedSessions = new HashSet<>();
        };
        events.forEach(event -> {
            Object payload = event.getPayload();
            if (payload instanceof UserRegisteredEvent registered) {
                state.known = true;
                state.roles = Set.copyOf(registered.roles());
            } else if (payload instanceof PlatformRolesChangedEvent changed) {
                state.roles = Set.copyOf(changed.roles());
            } else if (payload instanceof UserDeactivatedEvent || payload instanceof UserErasedEvent) {
                state.active = false;
            } else if (payload instanceof UserReactivatedEvent) {
                state.active = true;
            } else if (payload instanceof SessionEndedEvent ended) {
                state.endedSessions.add(ended.sessionId());
            }
            if (payload instanceof ChangesSecurityStamp) {
                state.stamp = event.getSequenceNumber();
                state.endedSessions.clear();
            }
        });
        return state.known
                ? new AccountSecurity(true, state.roles, state.active, state.stamp, state.endedSessions)
                : UNKNOWN;
    }
}
