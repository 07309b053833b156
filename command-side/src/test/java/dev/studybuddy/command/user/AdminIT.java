package dev.studybuddy.command.user;

import com.nimbusds.jwt.SignedJWT;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@CommandSideIT
class AdminIT {

    @LocalServerPort
    int port;

    String adminToken;

    ApiClient client;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        client = ApiClient.on(port);
        adminToken = Accounts.adminToken(client);
        admin = client.withToken(adminToken);
    }

    @Test
    void theConfiguredFirstAdministratorCanSignInWithTheAdminRole() throws Exception {
        assertThat(SignedJWT.parse(adminToken).getJWTClaimsSet().getStringListClaim("roles")).contains("ADMIN", "USER");
    }

    @Test
    void grantedRolesAppearInTheNextAccessToken() {
        String username = Accounts.uniqueUsername("mod");
        UUID userId = Accounts.register(client, username);

        ApiClient.Response granted = admin.put("/api/admin/users/" + userId + "/roles", Map.of("roles", List.of("MODERATOR")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(SignedJWT.parse(Accounts.accessToken(client, username)).getJWTClaimsSet().getStringListClaim("roles"))
                        .containsExactlyInAnyOrder("MODERATOR", "USER"));
    }

    @Test
    void onlyAdministratorsChangeRolesOrDeactivate() {
        UUID target = Accounts.register(client, Accounts.uniqueUsername("target"));
        String ordinary = Accounts.uniqueUsername("plain");
        Accounts.register(client, ordinary);
        ApiClient user = client.withToken(Accounts.accessToken(client, ordinary));

        ApiClient.Response roles = user.put("/api/admin/users/" + target + "/roles", Map.of("roles", List.of("ADMIN")));
        assertThat(roles.status()).isEqualTo(403);
        assertThat(roles.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(user.post("/api/admin/users/" + target + "/deactivate", null).status()).isEqualTo(403);
        assertThat(client.post("/api/admin/users/" + target + "/deactivate", null).status()).isEqualTo(401);
    }

    @Test
    void unknownRolesAndUsersAreRefused() {
        UUID target = Accounts.register(client, Accounts.uniqueUsername("target"));
        ApiClient.Response badRole = admin.put("/api/admin/users/" + target + "/roles", Map.of("roles", List.of("KING")));
        assertThat(badRole.status()).isEqualTo(400);

        ApiClient.Response unknown = admin.post("/api/admin/users/" + UUID.randomUUID() + "/deactivate", null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");

        assertThat(admin.post("/api/admin/users/not-a-uuid/deactivate", null).status()).isEqualTo(400);
    }

    @Test
    void deactivationEndsEverySessionAndRefusesNewLogins() {
        String username = Accounts.uniqueUsername("leaver");
        UUID userId = Accounts.register(client, username);
        var tokens = Accounts.login(client, username, Accounts.PASSWORD);
        ApiClient user = client.withToken(tokens.get("accessToken").asText());
        assertThat(user.patch("/api/users/me", Map.of("bio", "still here")).status()).isEqualTo(204);

        assertThat(admin.post("/api/admin/users/" + userId + "/deactivate", null).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiClient.Response login = client.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD));
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.json().get("code").asText()).isEqualTo("ACCOUNT_DEACTIVATED");
        });
        assertThat(user.patch("/api/users/me", Map.of("bio", "gone")).status()).isEqualTo(401);
        assertThat(client.post("/api/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken").asText())).status())
                .isEqualTo(401);
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        String adminId = SignedJWT.parse(adminToken).getJWTClaimsSet().getSubject();

        ApiClient.Response selfDeactivate = admin.post("/api/admin/users/" + adminId + "/deactivate", null);
        assertThat(selfDeactivate.status()).isEqualTo(422);
        assertThat(selfDeactivate.json().get("code").asText()).isEqualTo("RULE_VIOLATED");
        ApiClient.Response selfDemote = admin.put("/api/admin/users/" + adminId + "/roles", Map.of("roles", List.of("USER")));
        assertThat(selfDemote.status()).isEqualTo(422);
    }
}
