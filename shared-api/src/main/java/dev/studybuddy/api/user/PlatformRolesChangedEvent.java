package dev.studybuddy.api.user;

import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user's platform roles were replaced by {@code roles}. */
@Revision("1")
public record PlatformRolesChangedEvent(UUID userId, Set<PlatformRole> previousRoles, Set<PlatformRole> roles)
        implements ChangesSecurityStamp {}
