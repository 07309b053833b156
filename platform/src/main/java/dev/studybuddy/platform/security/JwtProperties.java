package dev.studybuddy.platform.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service checks on an access token: who issued it, for whom, where the issuer's public
 * keys are published, and how much clock difference is forgiven.
 */
@ConfigurationProperties("studybuddy.jwt")
public record JwtProperties(
        @DefaultValue("http://localhost:8081") String issuer,
        @DefaultValue("studybuddy") String audience,

        @DefaultValue("http://localhost:8081/.well-known/jwks.json")
        URI jwkSetUri,

        @DefaultValue("30s") Duration clockSkew) {}
