package dev.studybuddy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A token's signature is checked once per node; its claims on every request. */
class VerifiedTokensTest {

    private final RSAKey key = generated();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicBoolean stampMoved = new AtomicBoolean();
    private final OAuth2TokenValidator<Jwt> stamp = jwt -> stampMoved.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The security stamp moved", null))
            : OAuth2TokenValidatorResult.success();
    private final VerifiedTokens tokens = new VerifiedTokens(counting(decoderFor(key)), stamp);

    @Test
    void theSameTokenIsVerifiedOnceAndReadTheSame() {
        String token = signed(key, "alice");

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(signatureChecks).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("alice").isEqualTo(first.getSubject());
        tokens.decode(signed(key, "bob"));
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void theClaimsAreValidatedOnEveryRequestSoAMovedStampRefusesATokenVerifiedBefore() {
        String token = signed(key, "alice");
        tokens.decode(token);

        stampMoved.set(true);

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessage("An error occurred while attempting to decode the Jwt: The security stamp moved");
    }

    @Test
    void aTokenThatFailsItsSignatureCheckIsCheckedAgainEachTime() {
        String forged = signed(generated(), "mallory");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(signatureChecks).hasValue(3);
    }

    @Test
    void theFactoryLeavesTheClaimsToTheValidatorOnly() {
        NimbusJwtDecoder decoder = decoderFor(key);
        VerifiedTokens made = VerifiedTokens.of(decoder, stamp);
        // Nimbus' own default would refuse an expired token before the validator saw it
        String expired = signed(key, "alice", Instant.now().minusSeconds(3600));

        assertThat(made.decode(expired).getSubject()).isEqualTo("alice");
    }

    private JwtDecoder counting(JwtDecoder decoder) {
        return token -> {
            signatureChecks.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private static NimbusJwtDecoder decoderFor(RSAKey key) {
        try {
            return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(RSAKey key, String subject) {
        return signed(key, subject, Instant.now().plusSeconds(600));
    }

    private static String signed(RSAKey key, String subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt)
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(claims))
                .getTokenValue();
    }

    private static RSAKey generated() {
        try {
            return new RSAKeyGenerator(2048).keyID("k").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
