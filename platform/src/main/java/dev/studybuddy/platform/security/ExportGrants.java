package dev.studybuddy.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An export grant: a token command-side issues to query-side's account export on the caller's behalf
 * (docs/adr/0017-account-export.md), so that a long export does not depend on the caller's access token
 * outliving it. It carries the caller's subject, security stamp and session, no role, and
 * {@code scope: export}; a service lets it only {@code GET} the exact paths it names in an
 * {@link ExportGrantEndpoints} bean, and refuses it everywhere else (403).
 */
public final class ExportGrants {

    public static final String SCOPE_CLAIM = "scope";
    public static final String EXPORT_SCOPE = "export";

    private ExportGrants() {}

    public static boolean isGrant(Jwt token) {
        return token.hasClaim(SCOPE_CLAIM) && EXPORT_SCOPE.equals(token.getClaimAsString(SCOPE_CLAIM));
    }
}
