package dev.studybuddy.command.user;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CommandSideIT
class AdminIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

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
        assertThat(SignedJWT.parse(adminToken).getJWTClaimsSet().getStringListClaim("roles"))
                .contains("ADMIN", "USER");
    }

    @Test
    void theVeryNextLoginAfterAGrantCarriesTheNewRole() throws Exception {
        for (int round = 0; round < 3; round++) {
            String username = Accounts.uniqueUsername("mod");
            UUID userId = Accounts.register(client, username);

            ApiClient.Response granted =
                    admin.put("/api/admin/users/" + userId + "/roles", Map.of("roles", List.of("MODERATOR")));
            assertThat(granted.status()).as(granted.toString()).isEqualTo(204);

            assertThat(roles(Accounts.accessToken(client, username))).containsExactlyInAnyOrder("MODERATOR", "USER");
            await().atMost(Duration.ofSeconds(30))
                    .alias("the identity projection's mirror of the roles")
                    .until(
                            () -> jdbc.queryForObject(
                                    "SELECT roles FROM identity.credentials WHERE user_id = ?", String.class, userId),
                            roles -> List.of(roles.split(",")).contains("MODERATOR"));
        }
    }

    @Test
    void aRevokedAdministratorsTokenIsRefusedAtOnceAndCannotGrantItselfAdminAgain() throws Exception {
        String username = Accounts.uniqueUsername("deputy");
        UUID deputyId = Accounts.register(client, username);
        UUID bystander = Accounts.register(client, Accounts.uniqueUsername("bystander"));
        assertThat(admin.put("/api/admin/users/" + deputyId + "/roles", Map.of("roles", List.of("USER", "ADMIN")))
                        .status())
                .isEqualTo(204);
        JsonNode deputyTokens = Accounts.login(client, username, Accounts.PASSWORD);
        ApiClient deputy = client.withToken(deputyTokens.get("accessToken").asText());
        assertThat(deputy.put("/api/admin/users/" + bystander + "/roles", Map.of("roles", List.of("USER", "AUDITOR")))
                        .status())
                .isEqualTo(204);

        assertThat(admin.put("/api/admin/users/" + deputyId + "/roles", Map.of("roles", List.of("USER")))
                        .status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertProblem(
                        deputy.put("/api/admin/users/" + bystander + "/roles", Map.of("roles", List.of("USER"))),
                        401,
                        "UNAUTHENTICATED"));
        assertProblem(
                deputy.put("/api/admin/users/" + deputyId + "/roles", Map.of("roles", List.of("USER", "ADMIN"))),
                401,
                "UNAUTHENTICATED");
        assertProblem(deputy.post("/api/admin/users/" + bystander + "/deactivate", null), 401, "UNAUTHENTICATED");
        assertProblem(
                client.post(
                        "/api/auth/refresh",
                        Map.of("refreshToken", deputyTokens.get("refreshToken").asText())),
                401,
                "INVALID_REFRESH_TOKEN");

        String demoted = Accounts.accessToken(client, username);
        assertThat(roles(demoted)).containsExactly("USER");
        ApiClient.Response selfGrant = client.withToken(demoted)
                .put("/api/admin/users/" + deputyId + "/roles", Map.of("roles", List.of("USER", "ADMIN")));
        assertProblem(selfGrant, 403, "FORBIDDEN");
        assertThat(roles(Accounts.accessToken(client, username))).containsExactly("USER");
    }

    @Test
    void signingOutEverywhereRevokesEveryAccessAndRefreshToken() {
        String username = Accounts.uniqueUsername("everywhere");
        Accounts.register(client, username);
        JsonNode laptop = Accounts.login(client, username, Accounts.PASSWORD);
        JsonNode phone = Accounts.login(client, username, Accounts.PASSWORD);
        ApiClient onPhone = client.withToken(phone.get("accessToken").asText());
        ApiClient onLaptop = client.withToken(laptop.get("accessToken").asText());
        assertThat(onLaptop.patch("/api/users/me", Map.of("bio", "on my laptop"))
                        .status())
                .isEqualTo(204);

        assertThat(onPhone.post("/api/auth/sign-out-everywhere", null).status()).isEqualTo(204);

        assertProblem(onLaptop.patch("/api/users/me", Map.of("bio", "still here?")), 401, "UNAUTHENTICATED");
        assertProblem(onPhone.patch("/api/users/me", Map.of("bio", "still here?")), 401, "UNAUTHENTICATED");
        for (JsonNode tokens : List.of(laptop, phone)) {
            assertProblem(
                    client.post(
                            "/api/auth/refresh",
                            Map.of("refreshToken", tokens.get("refreshToken").asText())),
                    401,
                    "INVALID_REFRESH_TOKEN");
        }
        ApiClient again = client.withToken(Accounts.accessToken(client, username));
        assertThat(again.patch("/api/users/me", Map.of("bio", "back")).status()).isEqualTo(204);
    }

    @Test
    void everyAccessTokenCarriesItsUsersSecurityStamp() throws Exception {
        String username = Accounts.uniqueUsername("stampless");
        Accounts.register(client, username);
        SignedJWT issued = SignedJWT.parse(Accounts.accessToken(client, username));
        assertThat(issued.getJWTClaimsSet().getLongClaim("security_stamp")).isZero();
    }

    private static List<String> roles(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("roles");
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
        assertThat(user.post("/api/admin/users/" + target + "/deactivate", null).status())
                .isEqualTo(403);
        assertThat(client.post("/api/admin/users/" + target + "/deactivate", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aNonAdministratorIsRefusedBeforeTheRequestIsRead() {
        ApiClient user = Accounts.signedIn(port, "plain").api();

        assertProblem(
                user.put("/api/admin/users/" + UUID.randomUUID() + "/roles", Map.of("roles", "not a list")),
                403,
                "FORBIDDEN");
        assertProblem(user.post("/api/admin/users/not-a-uuid/deactivate", null), 403, "FORBIDDEN");
        assertProblem(user.post("/api/admin/event-store/redactions?before=yesterday", null), 403, "FORBIDDEN");
        assertProblem(user.get("/api/audit/aggregates/NoSuchType/not-an-id/events"), 403, "FORBIDDEN");
    }

    @Test
    void unknownRolesAndUsersAreRefused() {
        UUID target = Accounts.register(client, Accounts.uniqueUsername("target"));
        ApiClient.Response badRole =
                admin.put("/api/admin/users/" + target + "/roles", Map.of("roles", List.of("KING")));
        assertThat(badRole.status()).isEqualTo(400);

        ApiClient.Response unknown = admin.post("/api/admin/users/" + UUID.randomUUID() + "/deactivate", null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");

        assertThat(admin.post("/api/admin/users/not-a-uuid/deactivate", null).status())
                .isEqualTo(400);
    }

    @Test
    void deactivationEndsEverySessionAndRefusesNewLogins() {
        String username = Accounts.uniqueUsername("leaver");
        UUID userId = Accounts.register(client, username);
        var tokens = Accounts.login(client, username, Accounts.PASSWORD);
        ApiClient user = client.withToken(tokens.get("accessToken").asText());
        assertThat(user.patch("/api/users/me", Map.of("bio", "still here")).status())
                .isEqualTo(204);

        assertThat(admin.post("/api/admin/users/" + userId + "/deactivate", null)
                        .status())
                .isEqualTo(204);

        // At once, not when a projection catches up.
        ApiClient.Response login =
                client.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.json().get("code").asText()).isEqualTo("ACCOUNT_DEACTIVATED");
        assertThat(user.patch("/api/users/me", Map.of("bio", "gone")).status()).isEqualTo(401);
        assertProblem(refreshWith(tokens), 401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void aReactivatedAccountSignsInAgainButNoOldTokenComesBack() throws Exception {
        String username = Accounts.uniqueUsername("returner");
        UUID userId = Accounts.register(client, username);
        var tokens = Accounts.login(client, username, Accounts.PASSWORD);
        ApiClient before = client.withToken(tokens.get("accessToken").asText());
        assertThat(admin.post("/api/admin/users/" + userId + "/deactivate", null)
                        .status())
                .isEqualTo(204);

        ApiClient.Response reactivated = admin.post("/api/admin/users/" + userId + "/reactivate", null);
        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(204);
        assertThat(reactivated.header("X-Consistency-Token")).isPresent();
        assertThat(admin.post("/api/admin/users/" + userId + "/reactivate", null)
                        .status())
                .isEqualTo(204);
        assertThat(eventStore
                        .readEvents(userId.toString())
                        .asStream()
                        .map(DomainEventMessage::getPayload)
                        .filter(UserReactivatedEvent.class::isInstance))
                .hasSize(1);

        // At once, not when identity's projection catches up.
        ApiClient again = client.withToken(Accounts.accessToken(client, username));
        assertThat(again.patch("/api/users/me", Map.of("bio", "back")).status()).isEqualTo(204);
        assertThat(before.patch("/api/users/me", Map.of("bio", "old token")).status())
                .isEqualTo(401);
        assertProblem(refreshWith(tokens), 401, "INVALID_REFRESH_TOKEN");
        ApiClient.Response forbidden = again.post("/api/admin/users/" + userId + "/reactivate", null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertProblem(admin.post("/api/admin/users/" + UUID.randomUUID() + "/reactivate", null), 404, "NOT_FOUND");
    }

    private ApiClient.Response refreshWith(JsonNode tokens) {
        return client.post(
                "/api/auth/refresh",
                Map.of("refreshToken", tokens.get("refreshToken").asText()));
    }

    @Test
    void aRoleChangeThatNamesNoRoleOrANullOneIsRefusedAndChangesNothing() {
        UUID userId = Accounts.register(client, Accounts.uniqueUsername("unchanged"));
        String roles = "/api/admin/users/" + userId + "/roles";

        assertProblem(admin.put(roles, "{\"roles\": [null]}"), 400, "VALIDATION_FAILED");
        assertProblem(admin.put(roles, "{\"roles\": [\"USER\", null]}"), 400, "VALIDATION_FAILED");
        assertProblem(admin.put(roles, "{}"), 400, "VALIDATION_FAILED");
        assertProblem(admin.put(roles, "{\"roles\": [\"OWNER\"]}"), 400, "MALFORMED_REQUEST");

        assertThat(eventStore
                        .readEvents(userId.toString())
                        .asStream()
                        .map(DomainEventMessage::getPayload)
                        .filter(PlatformRolesChangedEvent.class::isInstance))
                .isEmpty();
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        String adminId = SignedJWT.parse(adminToken).getJWTClaimsSet().getSubject();

        ApiClient.Response selfDeactivate = admin.post("/api/admin/users/" + adminId + "/deactivate", null);
        assertThat(selfDeactivate.status()).isEqualTo(422);
        assertThat(selfDeactivate.json().get("code").asText()).isEqualTo("RULE_VIOLATED");
        ApiClient.Response selfDemote =
                admin.put("/api/admin/users/" + adminId + "/roles", Map.of("roles", List.of("USER")));
        assertThat(selfDemote.status()).isEqualTo(422);
    }
}
