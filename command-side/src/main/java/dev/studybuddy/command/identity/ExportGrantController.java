package dev.studybuddy.command.identity;

import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.security.SecurityStampValidator;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/users/me/export-grant}: a read-only grant for query-side's account export to read the caller's
 * address, sessions and notifications with, for as long as the export may stream, whatever is left of the access
 * token (docs/adr/0017-account-export.md). It is issued for the caller's own access token, with its security stamp
 * and session: whatever revokes that token revokes the grant. A grant cannot ask for another (it may only GET).
 */
@RestController
class ExportGrantController {

    private final AccessTokens tokens;

    ExportGrantController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/users/me/export-grant")
    ExportGrant grant(@AuthenticationPrincipal Jwt accessToken) {
        long stamp = ((Number) accessToken.getClaims().get(SecurityStampValidator.STAMP_CLAIM)).longValue();
        AccessTokens.IssuedGrant grant = tokens.issueExportGrant(
                CurrentUser.id(), stamp, CurrentUser.sessionId().orElse(null));
        return new ExportGrant(grant.token(), grant.expiresAt());
    }

    record ExportGrant(String grant, Instant expiresAt) {}
}
