package dev.studybuddy.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Stands in for command-side's token endpoint in the tests of the other services: signs RS256 access
 * tokens and publishes its public key as a JWKS over real HTTP, where the services fetch it.
 */
public final class TestTokenIssuer {

    public static final String ISSUER = "http://localhost:8081";
    public static final String AUDIENCE = "studybuddy";
    /** The user's security stamp; 0 is that of an account whose roles and sessions never changed. */
    public static final String SECURITY_STAMP_CLAIM = "security_stamp";

    private static TestTokenIssuer instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestTokenIssuer() throws JOSEException, IOException {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    public static synchronized TestTokenIssuer get() {
        if (instance == null) {
            try {
                instance = new TestTokenIssuer();
            } catch (JOSEException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /**
     * Writes the private signing key as command-side reads it ({@code JWT_SIGNING_KEY_FILE}), for a command-side
     * process that must accept, and issue, the same tokens as this issuer.
     */
    public Path writeSigningKey(Path file) throws IOException {
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
        return file;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A valid 15-minute access token for {@code userId} with the given platform roles, at security stamp 0. */
    public String accessToken(UUID userId, String... roles) {
        Instant now = Instant.now();
        return sign(claims(userId, roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .build());
    }

    /** A token that expires {@code lifetime} from now, at {@code securityStamp}, for tests of expiry and revocation. */
    public String accessToken(UUID userId, long securityStamp, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        return sign(claims(userId, roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim(SECURITY_STAMP_CLAIM, securityStamp)
                .build());
    }

    /** A token with the standard claims of {@code userId}, for tests that alter one claim. */
    public JWTClaimsSet.Builder claims(UUID userId, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("roles", roles.length == 0 ? List.of("USER") : List.of(roles))
                .claim(SECURITY_STAMP_CLAIM, 0L);
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
