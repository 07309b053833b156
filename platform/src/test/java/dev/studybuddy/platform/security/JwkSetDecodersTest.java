package dev.studybuddy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class JwkSetDecodersTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer jwks;

    @AfterEach
    void stop() {
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    @Test
    void tokensWithUnknownKeyIdsFetchTheSetAtMostOncePerInterval() throws Exception {
        RSAKey known = new RSAKeyGenerator(2048).keyID("known").generate();
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("made-up").generate();
        NimbusJwtDecoder decoder = JwkSetDecoders.rateLimited(serve(new JWKSet(known.toPublicJWK())));

        assertThat(decoder.decode(tokenSignedWith(known)).getSubject()).isEqualTo("alice");
        int afterFirst = fetches.get();
        for (int i = 0; i < 50; i++) {
            String forged = tokenSignedWith(unknown);
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        }
        assertThat(decoder.decode(tokenSignedWith(known)).getSubject()).isEqualTo("alice");

        assertThat(afterFirst).isEqualTo(1);
        assertThat(fetches.get()).as("fetches after 50 unknown key ids").isLessThanOrEqualTo(2);
    }

    private URI serve(JWKSet keys) throws IOException {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        return URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
    }

    private static String tokenSignedWith(RSAKey key) throws JOSEException {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject("alice")
                        .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                        .build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }
}
