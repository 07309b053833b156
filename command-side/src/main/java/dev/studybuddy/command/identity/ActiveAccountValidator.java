package dev.studybuddy.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/** An access token of a deactivated account stops working here at once, not when it expires. */
@Component
class ActiveAccountValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error DEACTIVATED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The account is deactivated", null);

    private final CredentialRepository credentials;
    private final Cache<UUID, Boolean> activeByUser = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    ActiveAccountValidator(CredentialRepository credentials) {
        this.credentials = credentials;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.failure(DEACTIVATED);
        }
        boolean active = activeByUser.get(userId,
                id -> credentials.findById(id).map(Credential::active).orElse(false));
        return active ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(DEACTIVATED);
    }

    void forget(UUID userId) {
        activeByUser.invalidate(userId);
    }
}
