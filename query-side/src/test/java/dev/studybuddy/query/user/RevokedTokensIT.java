package dev.studybuddy.query.user;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.SessionEndedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A change of a user's security stamp (the account's events, announced on Redis as command-side announces it)
 * ends that user's older tokens here within a second.
 */
@QuerySideIT
class RevokedTokensIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    RedisConnectionFactory redis;

    @Test
    void aRevokedAdministratorsTokenIsRefusedWithinASecond() {
        UUID admin = accounts.register(
                        UserAccounts.uniqueUsername("revoked"), "Soon Not Admin", PlatformRole.USER, PlatformRole.ADMIN)
                .userId();
        ApiClient client = as(admin, 0, "USER", "ADMIN");
        assertThat(client.get("/api/admin/projections").status()).isEqualTo(200);

        ConsistencyToken change =
                accounts.changeRoles(admin, Set.of(PlatformRole.USER, PlatformRole.ADMIN), Set.of(PlatformRole.USER));
        announce(admin, change.sequence());

        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertProblem(client.get("/api/admin/projections"), 401, "UNAUTHENTICATED"));
        assertProblem(client.post("/api/admin/projections/users/replay", null), 401, "UNAUTHENTICATED");
        assertProblem(
                as(admin, change.sequence(), "USER", "ADMIN").get("/api/admin/projections"), 401, "UNAUTHENTICATED");
        assertProblem(as(admin, change.sequence(), "USER").get("/api/admin/projections"), 403, "FORBIDDEN");
    }

    @Test
    void aPrivilegedTokenOfAnAccountTheStoreDoesNotKnowIsRefused() {
        // signed alright, but no events grant its roles (lost, or never written): it holds none
        assertProblem(as(UUID.randomUUID(), 0, "USER", "ADMIN").get("/api/admin/projections"), 401, "UNAUTHENTICATED");
        assertThat(ApiClient.on(port)
                        .withToken(accounts.tokenOfNew("USER", "ADMIN"))
                        .get("/api/admin/projections")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aDeactivatedUsersTokenIsRefusedWithinASecondOfTheAnnouncement() {
        UUID user = accounts.register(UserAccounts.uniqueUsername("leaving"), "Leaving Soon")
                .userId();
        ApiClient client = as(user, 0, "USER");
        assertThat(client.get("/api/users?search=zz").status()).isEqualTo(200);

        // Announced before the read model hears of it: the token must go whatever the projection's lag.
        ConsistencyToken deactivation = accounts.deactivate(user);
        announce(user, deactivation.sequence());

        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertProblem(client.get("/api/users?search=zz"), 401, "UNAUTHENTICATED"));
    }

    @Test
    void aTokenFromAfterAChangeThisNodeHasNotHeardOfIsAccepted() {
        UUID user = accounts.register(UserAccounts.uniqueUsername("newer"), "Newer Token")
                .userId();
        assertThat(as(user, 0, "USER").get("/api/users?search=zz").status()).isEqualTo(200);

        ConsistencyToken signedOut = accounts.publish(user, new dev.studybuddy.api.user.SignedOutEverywhereEvent(user));

        assertThat(as(user, signedOut.sequence(), "USER")
                        .get("/api/users?search=zz")
                        .status())
                .isEqualTo(200);
        assertProblem(as(user, 0, "USER").get("/api/users?search=zz"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anEndedSessionsTokensAreRefusedWithinASecondWhileTheUsersOtherSessionGoesOn() {
        UUID user = accounts.register(UserAccounts.uniqueUsername("twodevices"), "Two Devices")
                .userId();
        UUID laptop = UUID.randomUUID();
        UUID phone = UUID.randomUUID();
        ApiClient onLaptop = inSession(user, laptop);
        ApiClient onPhone = inSession(user, phone);
        assertThat(onLaptop.get("/api/users?search=zz").status()).isEqualTo(200);

        // As command-side does: the event in the account's stream, then the announcement.
        accounts.publish(user, new SessionEndedEvent(user, laptop));
        new StringRedisTemplate(redis).convertAndSend("studybuddy:security:stamps", user + " session-ended " + laptop);

        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertProblem(onLaptop.get("/api/users?search=zz"), 401, "UNAUTHENTICATED"));
        assertThat(onPhone.get("/api/users?search=zz").status()).isEqualTo(200);
        assertThat(ApiClient.on(port)
                        .withToken(TestTokenIssuer.get().accessToken(user))
                        .get("/api/users?search=zz")
                        .status())
                .as("a token that names no session")
                .isEqualTo(200);
    }

    @Test
    void anEndedSessionIsReadFromTheAccountsEventsByANodeThatMissedTheAnnouncement() {
        UUID user = accounts.register(UserAccounts.uniqueUsername("missed"), "Missed It")
                .userId();
        UUID laptop = UUID.randomUUID();

        accounts.publish(user, new SessionEndedEvent(user, laptop));

        assertProblem(inSession(user, laptop).get("/api/users?search=zz"), 401, "UNAUTHENTICATED");
        assertThat(inSession(user, UUID.randomUUID())
                        .get("/api/users?search=zz")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenWithoutASecurityStampIsRefused() {
        UUID user = UUID.randomUUID();
        String stampless = TestTokenIssuer.get()
                .sign(TestTokenIssuer.get()
                        .claims(user)
                        .claim(TestTokenIssuer.SECURITY_STAMP_CLAIM, null)
                        .build());
        assertProblem(ApiClient.on(port).withToken(stampless).get("/api/users?search=zz"), 401, "UNAUTHENTICATED");
    }

    private void announce(UUID userId, long stamp) {
        new StringRedisTemplate(redis).convertAndSend("studybuddy:security:stamps", userId + " " + stamp);
    }

    private ApiClient inSession(UUID userId, UUID sessionId) {
        return ApiClient.on(port)
                .withToken(TestTokenIssuer.get()
                        .sign(TestTokenIssuer.get()
                                .claims(userId)
                                .claim("sid", sessionId.toString())
                                .build()));
    }

    private ApiClient as(UUID userId, long stamp, String... roles) {
        return ApiClient.on(port)
                .withToken(TestTokenIssuer.get().accessToken(userId, stamp, Duration.ofMinutes(5), roles));
    }
}
