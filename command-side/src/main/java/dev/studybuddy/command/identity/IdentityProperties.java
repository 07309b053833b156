package dev.studybuddy.command.identity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKeyFile  where the RS256 signing key (a private JWK) is kept; created there on first
 *                        start if missing. Unset: a key is generated in memory and lost on restart.
 * @param exportGrantTtl  how long an export grant lives (docs/adr/0017): longer than query-side lets an export
 *                        stream ({@code spring.mvc.async.request-timeout}, 10 min), so that it outlives the export
 * @param bcryptStrength  bcrypt cost factor (at least 10)
 * @param admin           the first administrator, created at start when a username is given
 */
@ConfigurationProperties("studybuddy.identity")
record IdentityProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("15m") Duration exportGrantTtl,
        Path signingKeyFile,
        @DefaultValue("12") int bcryptStrength,
        @DefaultValue Admin admin) {

    IdentityProperties {
        if (bcryptStrength < 10) {
            throw new IllegalArgumentException("studybuddy.identity.bcrypt-strength must be at least 10");
        }
    }

    record Admin(
            String username,
            String email,
            String password,
            @DefaultValue("Administrator") String displayName) {

        boolean configured() {
            return username != null && !username.isBlank();
        }
    }
}
