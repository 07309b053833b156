package dev.studybuddy.platform.security;

import dev.studybuddy.api.user.PlatformRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The signed-in user of the current request: the access token's subject. */
public final class CurrentUser {

    private CurrentUser() {}

    public static UUID id() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return UUID.fromString(jwt.getSubject());
        }
        throw new IllegalStateException("no signed-in user");
    }

    /** The session (refresh token family) the access token was issued from; empty for tokens older than sessions. */
    public static Optional<UUID> sessionId() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getClaimAsString(SecurityStampValidator.SESSION_CLAIM))
                    .map(UUID::fromString);
        }
        throw new IllegalStateException("no signed-in user");
    }

    public static boolean hasRole(String role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
    }

    /** A platform MODERATOR or ADMIN: may moderate any group. */
    public static boolean isPlatformModerator() {
        return hasRole(PlatformRole.MODERATOR.name()) || hasRole(PlatformRole.ADMIN.name());
    }
}
