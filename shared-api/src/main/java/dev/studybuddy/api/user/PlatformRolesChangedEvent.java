package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.Set;
import java.util.UUID;

/** A user's platform roles were replaced by {@code roles}. */
@Revision("1")
public record PlatformRolesChangedEvent(UUID userId, Set<PlatformRole> previousRoles, Set<PlatformRole> roles)
        implements ChangesSecurityStamp {
}
