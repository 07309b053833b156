package dev.studybuddy.command.identity;

import com.nimbusds.jose.jwk.RSAKey;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.platform.security.ExportGrants;
import dev.studybuddy.platform.security.JwtProperties;
import dev.studybuddy.platform.security.ResourceServerConfiguration;
import dev.studybuddy.platform.security.SecurityStampValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs the short-lived RS256 access tokens every service accepts, each with its user's security stamp and the
 * session (refresh token family) it was issued from.
 */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final RSAKey signingKey;
    private final JwtProperties jwt;
    private final IdentityProperties identity;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, RSAKey signingKey, JwtProperties jwt, IdentityProperties identity, Clock clock) {
        this.encoder = encoder;
        this.signingKey = signingKey;
        this.jwt = jwt;
        this.identity = identity;
        this.clock = clock;
    }

    String issue(UUID userId, Set<PlatformRole> roles, long securityStamp, UUID sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(identity.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim(
                        ResourceServerConfiguration.ROLES_CLAIM,
                        roles.stream().sorted().map(Enum::name).toList())
                .claim(SecurityStampValidator.STAMP_CLAIM, securityStamp)
                .claim(SecurityStampValidator.SESSION_CLAIM, sessionId.toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(signingKey.getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /**
     * An export grant (docs/adr/0017): the caller's subject, security stamp and session, so that ending the session
     * or changing the stamp revokes it as it revokes the access token; no role; {@code scope: export}, which the
     * services accept only on the few {@code GET} paths the export reads.
     */
    IssuedGrant issueExportGrant(UUID userId, long securityStamp, UUID sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(identity.exportGrantTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(ResourceServerConfiguration.ROLES_CLAIM, List.of())
                .claim(SecurityStampValidator.STAMP_CLAIM, securityStamp)
                .claim(ExportGrants.SCOPE_CLAIM, ExportGrants.EXPORT_SCOPE);
        if (sessionId != null) {
            claims.claim(SecurityStampValidator.SESSION_CLAIM, sessionId.toString());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(signingKey.getKeyID())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build()))
                .getTokenValue();
        return new IssuedGrant(token, expiresAt);
    }

    record IssuedGrant(String token, Instant expiresAt) {}

    long lifetimeSeconds() {
        return identity.accessTokenTtl().toSeconds();
    }
}
