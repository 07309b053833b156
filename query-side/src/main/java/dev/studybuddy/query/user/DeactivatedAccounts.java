package dev.studybuddy.query.user;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Refuses the access tokens of an account the users read model shows as deactivated, so a closed
 * account stops reading at once rather than when its token expires. An account the read model does not
 * know yet (just registered) is not refused.
 */
@Component
class DeactivatedAccounts implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error DEACTIVATED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The account is deactivated", null);

    private final JdbcTemplate jdbc;

    DeactivatedAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.failure(DEACTIVATED);
        }
        boolean deactivated = !jdbc.queryForList("SELECT 1 FROM users WHERE user_id = ? AND NOT active", userId).isEmpty();
        return deactivated ? OAuth2TokenValidatorResult.failure(DEACTIVATED) : OAuth2TokenValidatorResult.success();
    }
}
