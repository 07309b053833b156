package dev.studybuddy.platform.security;

import dev.studybuddy.api.user.PlatformRole;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an access token whose security stamp is no longer its user's current one: its roles were changed,
 * the account closed, the password changed or every session ended since it was issued; and one whose session
 * ({@code sid}) was ended on its own since (at the same stamp).
 * <ul>
 * <li>An ordinary token (no role beyond USER) is compared with this node's {@link SecurityStamps}. A token
 *     newer than the map (issued after a change this node has not heard of) makes the node read the authority.
 *     If the user is not in the map and the authority cannot be reached, the token is accepted on its own
 *     signature and expiry: it can do only what its user could do a moment ago, for at most its lifetime.</li>
 * <li>A privileged token (MODERATOR, ADMIN, AUDITOR) is checked against the authority on every request, stamp
 *     and roles, and refused when the authority cannot be reached (fail closed) or knows no such account.</li>
 * </ul>
 */
public class SecurityStampValidator implements OAuth2TokenValidator<Jwt> {

    /** The claim every access token carries its user's security stamp in. */
    public static final String STAMP_CLAIM = "security_stamp";
    /** The claim naming the session (refresh token family) an access token was issued from; older tokens lack it. */
    public static final String SESSION_CLAIM = "sid";

    private static final Logger log = LoggerFactory.getLogger(SecurityStampValidator.class);
    private static final OAuth2Error REVOKED = new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN,
            "The token was revoked (roles changed, account closed, session ended, or signed out everywhere)",
            null);
    private static final OAuth2Error NO_STAMP =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token carries no security stamp", null);
    private static final OAuth2Error UNVERIFIABLE =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "A privileged token cannot be checked just now", null);

    private final SecurityStamps stamps;
    private final AtomicBoolean authorityFailing = new AtomicBoolean();

    public SecurityStampValidator(SecurityStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        if (!(token.getClaims().get(STAMP_CLAIM) instanceof Number claim)) {
            return OAuth2TokenValidatorResult.failure(NO_STAMP);
        }
        long presented = claim.longValue();
        UUID session;
        try {
            session = sessionOf(token);
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        List<String> roles = token.getClaimAsStringList(ResourceServerConfiguration.ROLES_CLAIM);
        boolean privileged = roles != null
                && roles.stream().anyMatch(role -> !PlatformRole.USER.name().equals(role));
        try {
            if (privileged) {
                AccountSecurity account = stamps.refresh(userId);
                // an account the store does not know holds no role (its events lost, or never written)
                boolean rolesHeld = account.known()
                        && roles.stream()
                                .allMatch(role -> account.roles().stream()
                                        .anyMatch(held -> held.name().equals(role)));
                return presented == account.stamp() && rolesHeld && account.active() && !account.ended(session)
                        ? ok()
                        : refused();
            }
            long current = stamps.current(userId);
            if (presented > current) {
                current = stamps.refresh(userId).stamp();
            }
            return presented == current && !stamps.sessionEnded(userId, session) ? ok() : refused();
        } catch (RuntimeException e) {
            if (authorityFailing.compareAndSet(false, true)) {
                log.warn(
                        "Cannot read security stamps from the event store; privileged tokens are refused: {}",
                        e.toString());
            }
            return privileged ? OAuth2TokenValidatorResult.failure(UNVERIFIABLE) : OAuth2TokenValidatorResult.success();
        }
    }

    /** The token's session, or {@code null} for a token issued before sessions were named. */
    private static UUID sessionOf(Jwt token) {
        String sid = token.getClaimAsString(SESSION_CLAIM);
        return sid == null ? null : UUID.fromString(sid);
    }

    private OAuth2TokenValidatorResult ok() {
        if (authorityFailing.compareAndSet(true, false)) {
            log.info("Security stamps can be read again");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused() {
        return OAuth2TokenValidatorResult.failure(REVOKED);
    }
}
