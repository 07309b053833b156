package dev.studybuddy.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.user.EmailChangedEvent;
import dev.studybuddy.api.user.EmailVerifiedEvent;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideIT
class UsersApiIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = ApiClient.on(port);
    }

    @Test
    void meIsTheCallersOwnProfileWithRoles() {
        String username = UserAccounts.uniqueUsername("me");
        UUID me = accounts.register(username, "Me Myself", PlatformRole.USER, PlatformRole.MODERATOR)
                .userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.changeProfile(me, "Me Myself", "Hello"));

        ApiClient.Response response = as(me).get("/api/users/me");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("userId").asText()).isEqualTo(me.toString());
        assertThat(body.get("username").asText()).isEqualTo(username);
        assertThat(body.get("displayName").asText()).isEqualTo("Me Myself");
        assertThat(body.get("bio").asText()).isEqualTo("Hello");
        assertThat(texts(body.get("roles"))).containsExactlyInAnyOrder("USER", "MODERATOR");
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("registeredAt").asText()).endsWith("Z");
    }

    @Test
    void meShowsWhetherTheAddressIsVerifiedAndOthersDoNotSeeIt() {
        UUID me = accounts.register(UserAccounts.uniqueUsername("veri"), "Vera Fied")
                .userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.changeProfile(me, "Vera Fied", null));
        assertThat(as(me).get("/api/users/me").json().get("emailVerified").asBoolean())
                .isFalse();

        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.publish(me, new EmailVerifiedEvent(me)));

        assertThat(as(me).get("/api/users/me").json().get("emailVerified").asBoolean())
                .isTrue();
        assertThat(as(UUID.randomUUID()).get("/api/users/" + me).json().has("emailVerified"))
                .isFalse();

        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.publish(me, new EmailChangedEvent(me)));
        assertThat(as(me).get("/api/users/me").json().get("emailVerified").asBoolean())
                .as("a new address")
                .isFalse();
    }

    @Test
    void meBeforeTheAccountIsProjectedIsNotFound() {
        ApiClient.Response response = as(UUID.randomUUID()).get("/api/users/me");

        assertNotFoundProblem(response);
    }

    @Test
    void othersSeeThePublicProfileWithoutRolesStaffAndTheUserThemselvesSeeAll() {
        UUID subject = accounts.register(
                        UserAccounts.uniqueUsername("pub"), "Public Person", PlatformRole.USER, PlatformRole.ADMIN)
                .userId();
        accounts.awaitProjected(
                UsersProjection.PROCESSING_GROUP, accounts.changeProfile(subject, "Public Person", "bio"));

        JsonNode seenByOther =
                as(UUID.randomUUID()).get("/api/users/" + subject).json();
        assertThat(seenByOther.get("displayName").asText()).isEqualTo("Public Person");
        assertThat(seenByOther.get("bio").asText()).isEqualTo("bio");
        assertThat(seenByOther.has("roles")).isFalse();
        assertThat(seenByOther.has("active")).isFalse();

        for (String staff : List.of("ADMIN", "MODERATOR", "AUDITOR")) {
            JsonNode seenByStaff =
                    staff("USER", staff).get("/api/users/" + subject).json();
            assertThat(texts(seenByStaff.get("roles"))).as(staff).containsExactlyInAnyOrder("USER", "ADMIN");
        }
        assertThat(texts(as(subject).get("/api/users/" + subject).json().get("roles")))
                .containsExactlyInAnyOrder("USER", "ADMIN");
    }

    @Test
    void aDeactivatedUserIsNotFoundForOrdinaryUsersButVisibleToStaff() {
        UUID closed = accounts.register(UserAccounts.uniqueUsername("closed"), "Closed Account")
                .userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.deactivate(closed));

        assertNotFoundProblem(as(UUID.randomUUID()).get("/api/users/" + closed));

        ApiClient.Response seenByModerator = staff("USER", "MODERATOR").get("/api/users/" + closed);
        assertThat(seenByModerator.status()).as(seenByModerator.toString()).isEqualTo(200);
        assertThat(seenByModerator.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aDeactivatedAccountsStillValidTokenIsRefusedAtOnce() {
        UUID closed = accounts.register(UserAccounts.uniqueUsername("closing"), "Closing Account")
                .userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.deactivate(closed));

        ApiClient.Response refused = as(closed).get("/api/users/me");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        UUID brandNew = UUID.randomUUID();
        assertThat(as(brandNew).get("/api/users?search=zz").status())
                .as("an account the read model does not know yet is not refused")
                .isEqualTo(200);
    }

    @Test
    void anUnknownUserIsANotFoundProblem() {
        assertNotFoundProblem(as(UUID.randomUUID()).get("/api/users/" + UUID.randomUUID()));
        assertNotFoundProblem(staff("USER", "ADMIN").get("/api/users/" + UUID.randomUUID()));
    }

    @Test
    void aUserIdThatIsNoUuidIsAMalformedRequest() {
        ApiClient.Response response = as(UUID.randomUUID()).get("/api/users/not-a-uuid");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSearchWithANulIsAMalformedRequest() {
        ApiClient.Response response = as(UUID.randomUUID()).get("/api/users?search=%00");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void withoutAValidTokenEveryProfileEndpointIsUnauthorized() {
        UUID me = UUID.randomUUID();
        String token = TestTokenIssuer.get().accessToken(me);
        String[] parts = token.split("\\.");
        String otherSubject = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(me.toString(), UUID.randomUUID().toString())
                        .getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherSubject + "." + parts[2];

        for (String path : List.of("/api/users/me", "/api/users/" + me, "/api/users?search=a")) {
            assertUnauthorized(anonymous.get(path));
            assertUnauthorized(anonymous.withToken(tampered).get(path));
            assertUnauthorized(anonymous.withToken("not-a-jwt").get(path));
        }
    }

    @Test
    void searchPagesThroughActiveUsersByCaseInsensitivePrefixOfUsernameOrDisplayName() {
        String prefix = "srch" + Long.toString(System.nanoTime() % 100_000, 36);
        List<String> expected = new ArrayList<>();
        List<ConsistencyToken> writes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String username = prefix + "_user" + i;
            writes.add(accounts.register(username, "Someone " + i).token());
            expected.add(username);
        }
        String byDisplayName = UserAccounts.uniqueUsername("zz");
        writes.add(accounts.register(byDisplayName, prefix.toUpperCase() + " Displayed")
                .token());
        expected.add(byDisplayName);
        UUID deactivated = accounts.register(prefix + "_gone", "Gone").userId();
        writes.add(accounts.deactivate(deactivated));
        writes.add(accounts.register(UserAccounts.uniqueUsername("mid"), "Has " + prefix + " inside")
                .token());
        writes.forEach(write -> accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, write));
        ApiClient caller = as(UUID.randomUUID());

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/users?limit=3&search=" + prefix.toUpperCase()
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            ApiClient.Response page = caller.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode items = page.json().get("items");
            pageSizes.add(items.size());
            items.forEach(item -> {
                seen.add(item.get("username").asText());
                assertThat(item.has("roles")).isFalse();
            });
            JsonNode next = page.json().get("nextCursor");
            assertThat(next).as("nextCursor is always present").isNotNull();
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(3, 3, 2);
        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());
    }

    @Test
    void searchWithoutALimitAnswersAtMostFiftyAndRefusesLimitsOutOfRange() {
        ApiClient caller = as(UUID.randomUUID());
        ApiClient.Response page = caller.get("/api/users");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isLessThanOrEqualTo(50);

        for (String limit : Stream.of("0", "201", "-1").toList()) {
            ApiClient.Response refused = caller.get("/api/users?limit=" + limit);
            assertThat(refused.status()).as(limit + ": " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        ApiClient.Response badCursor = caller.get("/api/users?cursor=%21%21not-ours");
        assertThat(badCursor.status()).as(badCursor.toString()).isEqualTo(400);
        assertThat(badCursor.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void searchMatchesUnderscoresLiterally() {
        String stem = "lit" + Long.toString(System.nanoTime() % 100_000, 36);
        accounts.awaitProjected(
                UsersProjection.PROCESSING_GROUP,
                accounts.register(stem + "_a", "Literal").token());
        accounts.awaitProjected(
                UsersProjection.PROCESSING_GROUP,
                accounts.register(stem + "xa", "Wildcard").token());

        JsonNode items = as(UUID.randomUUID())
                .get("/api/users?search=" + stem + "_")
                .json()
                .get("items");

        assertThat(texts(items, "username")).containsExactly(stem + "_a");
    }

    private ApiClient as(UUID userId, String... roles) {
        return anonymous.withToken(TestTokenIssuer.get().accessToken(userId, roles));
    }

    /** A new account with privileged roles: their tokens are good only where the account's events grant them. */
    private ApiClient staff(String... roles) {
        return anonymous.withToken(accounts.tokenOfNew(roles));
    }

    private static void assertNotFoundProblem(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("type").asText()).isEqualTo("https://studybuddy.dev/problems/not-found");
    }

    private static void assertUnauthorized(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
