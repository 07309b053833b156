package dev.studybuddy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.testing.TestTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Every request but health needs a genuine, current access token meant for StudyBuddy. */
@NotificationSagaIT
class AccessTokenIT {

    private static final String INBOX = "/api/notifications";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final TestTokenIssuer issuer = TestTokenIssuer.get();
    private final UUID user = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    RedisConnectionFactory redis;

    @Autowired
    DomainEvents events;

    @Test
    void aValidTokenIsAccepted() {
        assertThat(Http.on(port).as(issuer.accessToken(user)).get(INBOX).status())
                .isEqualTo(200);
    }

    @Test
    void noTokenIsRefused() {
        assertUnauthenticated(Http.on(port).get(INBOX));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = issuer.sign(issuer.claims(user)
                .issueTime(Date.from(longAgo))
                .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(15))))
                .build());

        assertUnauthenticated(call(expired));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = issuer.accessToken(user).split("\\.");
        String otherClaims = issuer.claims(UUID.randomUUID(), "ADMIN").build().toString();
        String tampered = parts[0] + "." + encode(otherClaims) + "." + parts[2];

        assertUnauthenticated(call(tampered));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = encode(issuer.claims(user, "ADMIN").build().toString());

        assertUnauthenticated(call(header + "." + claims + "."));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertUnauthenticated(
                call(issuer.sign(issuer.claims(user).audience("another-service").build())));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertUnauthenticated(call(
                issuer.sign(issuer.claims(user).issuer("https://evil.example").build())));
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIsRefused() throws JOSEException {
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet claims = issuer.claims(user).build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(stranger.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(stranger));

        assertUnauthenticated(call(jwt.serialize()));
    }

    @Test
    void aDeactivatedUsersTokenIsRefusedWithinASecond() {
        UUID leaving = UUID.randomUUID();
        events.publish(
                DomainEvents.USER_ACCOUNT,
                leaving.toString(),
                new UserRegisteredEvent(
                        leaving,
                        "leaving_" + leaving.toString().substring(0, 8),
                        "Leaving",
                        Set.of(PlatformRole.USER)));
        String token = issuer.accessToken(leaving, 0, Duration.ofMinutes(5), "USER");
        assertThat(call(token).status()).isEqualTo(200);

        events.publish(DomainEvents.USER_ACCOUNT, leaving.toString(), new UserDeactivatedEvent(leaving));
        // as command-side announces the account's new security stamp (the deactivation's sequence number)
        new StringRedisTemplate(redis).convertAndSend("studybuddy:security:stamps", leaving + " 1");

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertUnauthenticated(call(token)));
    }

    @Test
    void aTokenWithoutASecurityStampIsRefused() {
        assertUnauthenticated(call(issuer.sign(issuer.claims(user)
                .claim(TestTokenIssuer.SECURITY_STAMP_CLAIM, null)
                .build())));
    }

    private Http.Reply call(String token) {
        return Http.on(port).as(token).get(INBOX);
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnauthenticated(Http.Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.isProblem())
                .as("problem+json, was %s", reply.contentType())
                .isTrue();
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.wwwAuthenticate()).startsWith("Bearer");
    }
}
