package dev.studybuddy.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.platform.web.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An access token of a deactivated account stops working here at once, not when it expires. An account's
 * status is looked up again once it is older than {@code account-status-fresh-for}; while PostgreSQL is
 * unreachable the last status known is used instead (nobody can be deactivated meanwhile: that needs PostgreSQL
 * too), so that commands the event store alone decides go on. An account this node has not checked within an
 * access token's lifetime is answered with 503 then.
 */
@Component
class ActiveAccountValidator implements OAuth2TokenValidator<Jwt> {

    private static final Logger log = LoggerFactory.getLogger(ActiveAccountValidator.class);
    private static final OAuth2Error DEACTIVATED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The account is deactivated", null);
    private static final int MAX_ACCOUNTS = 50_000;

    private final CredentialRepository credentials;
    private final IdentityProperties properties;
    private final Clock clock;
    private final Cache<UUID, Checked> lastKnown;

    ActiveAccountValidator(CredentialRepository credentials, IdentityProperties properties, Clock clock) {
        this.credentials = credentials;
        this.properties = properties;
        this.clock = clock;
        this.lastKnown = Caffeine.newBuilder()
                .maximumSize(MAX_ACCOUNTS)
                .expireAfterWrite(properties.accessTokenTtl())
                .build();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.failure(DEACTIVATED);
        }
        return active(userId) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(DEACTIVATED);
    }

    private boolean active(UUID userId) {
        Instant now = clock.instant();
        Checked known = lastKnown.getIfPresent(userId);
        if (known != null && known.trustedUntil().isAfter(now)) {
            return known.active();
        }
        try {
            boolean active = credentials.findById(userId).map(Credential::active).orElse(false);
            lastKnown.put(userId, new Checked(active, now, now.plus(properties.accountStatusFreshFor())));
            return active;
        } catch (RuntimeException e) {
            if (known == null || !DatabaseOutages.causedBy(e)) {
                throw e;
            }
            log.debug("Account status of {} as checked at {}: the database is unreachable", userId, known.checkedAt());
            // not asked again at once: each lookup would wait for a connection in vain
            lastKnown.put(userId, new Checked(known.active(), known.checkedAt(), now.plus(properties.accountStatusFreshFor())));
            return known.active();
        }
    }

    void forget(UUID userId) {
        lastKnown.invalidate(userId);
    }

    private record Checked(boolean active, Instant checkedAt, Instant trustedUntil) {
    }
}
