package dev.studybuddy.command.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.studybuddy.platform.security.ExportGrantEndpoints;
import dev.studybuddy.platform.security.JwtProperties;
import dev.studybuddy.platform.security.PublicEndpoints;
import dev.studybuddy.platform.security.ResourceServerConfiguration;
import dev.studybuddy.platform.security.SecurityStampValidator;
import dev.studybuddy.platform.security.VerifiedTokens;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Command-side issues the tokens, so it checks them against its own key rather than over HTTP. */
@Configuration
class IdentitySecurityConfiguration {

    @Bean
    RSAKey signingKey(IdentityProperties properties) {
        return SigningKey.load(properties.signingKeyFile());
    }

    @Bean
    JWKSet publicKeys(RSAKey signingKey) {
        return new JWKSet(signingKey.toPublicJWK());
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey, JwtProperties jwtProperties, SecurityStampValidator securityStamps)
            throws JOSEException {
        return VerifiedTokens.of(
                NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey())
                        .signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build(),
                ResourceServerConfiguration.accessTokenValidator(jwtProperties, List.of(securityStamps)));
    }

    /** Revocations and stamp announcements happen in the changing command's unit of work, not later. */
    @Bean
    ConfigurerModule securityStampChangesInTheCommand() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(SecurityStampChanges.PROCESSING_GROUP));
    }

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        return new LongPasswords(new BCryptPasswordEncoder(properties.bcryptStrength()));
    }

    /** What query-side's account export reads here on the caller's behalf (docs/adr/0017). */
    @Bean
    ExportGrantEndpoints exportReads() {
        return ExportGrantEndpoints.of("/api/users/me/email", "/api/users/me/sessions");
    }

    @Bean
    PublicEndpoints identityEndpoints() {
        return PublicEndpoints.of(
                "/api/auth/register",
                "/api/auth/login",
                "/api/auth/refresh",
                "/api/auth/logout",
                "/api/auth/verify-email",
                "/api/auth/password-reset",
                "/api/auth/password-reset/confirm",
                "/.well-known/jwks.json");
    }
}
