package dev.studybuddy.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens whose signature this node has checked, so that a client's next request with the same token is not
 * parsed and RSA-verified again (a profile of the growth benchmark found that in an eighth of command-side's request
 * time). The claims are still validated on every request, the security stamp included: expiry, revocation and
 * privilege changes apply as before. A token is remembered by its whole text, signature included, so only the very
 * same bytes count as checked; one that fails is never remembered. A verified token is forgotten after
 * {@link #KEPT_FOR}, as long as a node keeps signing keys it no longer sees in the key set.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final Duration KEPT_FOR = Duration.ofMinutes(5);
    static final int MAXIMUM_TOKENS = 10_000;
    // NimbusJwtDecoder's wording, which clients and logs already know
    private static final String INVALID = "An error occurred while attempting to decode the Jwt: %s";

    private final JwtDecoder signatureChecking;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS)
            .expireAfterWrite(KEPT_FOR)
            .build();

    VerifiedTokens(JwtDecoder signatureChecking, OAuth2TokenValidator<Jwt> validator) {
        this.signatureChecking = signatureChecking;
        this.validator = validator;
    }

    /** {@code decoder} checks signatures only; {@code validator} checks the claims of every token on every request. */
    public static VerifiedTokens of(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(decoder, validator);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, signatureChecking::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return jwt;
    }

    private static String message(Collection<OAuth2Error> errors) {
        return errors.stream()
                .map(OAuth2Error::getDescription)
                .filter(description -> description != null && !description.isEmpty())
                .findFirst()
                .map(description -> INVALID.formatted(description))
                .orElse("Unable to validate Jwt");
    }
}
