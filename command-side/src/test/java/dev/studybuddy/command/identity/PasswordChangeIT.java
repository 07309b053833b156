package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CommandSideIT
class PasswordChangeIT {

    private static final String NEW_PASSWORD = "Quiet-Library-Hours-7";

    @LocalServerPort
    int port;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.on(port);
    }

    /** The current password proves the caller once: of changes sent together with it, one is made, the rest refused. */
    @Test
    void concurrentChangesWithTheSameCurrentPasswordMakeOnlyOne() throws Exception {
        String username = Accounts.uniqueUsername("quin");
        Accounts.register(client, username);
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));
        List<String> newPasswords = List.of(NEW_PASSWORD + "-a", NEW_PASSWORD + "-b", NEW_PASSWORD + "-c");
        ExecutorService threads = Executors.newFixedThreadPool(newPasswords.size());
        List<Future<ApiClient.Response>> changes = new ArrayList<>();
        try {
            for (String newPassword : newPasswords) {
                changes.add(threads.submit(() -> signedIn.post(
                        "/api/users/me/password",
                        Map.of("currentPassword", Accounts.PASSWORD, "newPassword", newPassword))));
            }
            List<String> made = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                ApiClient.Response response = changes.get(i).get(60, TimeUnit.SECONDS);
                if (response.status() == 200) {
                    made.add(newPasswords.get(i));
                } else {
                    assertProblem(response, 403, "WRONG_PASSWORD");
                }
            }
            assertThat(made).hasSize(1);
            assertThat(Accounts.login(client, username, made.get(0)).get("accessToken"))
                    .isNotNull();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aChangedPasswordEndsTheOtherSessionsAndTheCallerGoesOnInANewOne() throws InterruptedException {
        String username = Accounts.uniqueUsername("pat");
        Accounts.register(client, username);
        JsonNode laptop = Accounts.login(client, username, Accounts.PASSWORD);
        JsonNode phone = Accounts.login(client, username, Accounts.PASSWORD);
        ApiClient onPhone = client.withToken(phone.get("accessToken").asText());
        ApiClient onLaptop = client.withToken(laptop.get("accessToken").asText());

        ApiClient.Response changed = onPhone.post(
                "/api/users/me/password", Map.of("currentPassword", Accounts.PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("X-Consistency-Token")).isPresent();
        assertThat(changed.json().get("tokenType").asText()).isEqualTo("Bearer");
        ApiClient stillOnPhone =
                client.withToken(changed.json().get("accessToken").asText());

        assertRefusedWithinASecond(onLaptop);
        assertProblem(
                client.post(
                        "/api/auth/refresh",
                        Map.of("refreshToken", laptop.get("refreshToken").asText())),
                401,
                "INVALID_REFRESH_TOKEN");
        assertThat(stillOnPhone
                        .patch("/api/users/me", Map.of("bio", "still here"))
                        .status())
                .isEqualTo(204);
        ApiClient.Response sessions = stillOnPhone.get("/api/users/me/sessions");
        assertThat(sessions.json()).hasSize(1);
        assertThat(sessions.json().get(0).get("current").asBoolean()).isTrue();
        ApiClient.Response refreshed = client.post(
                "/api/auth/refresh",
                Map.of("refreshToken", changed.json().get("refreshToken").asText()));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);

        assertProblem(
                client.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD)),
                401,
                "INVALID_CREDENTIALS");
        ApiClient again = client.withToken(Accounts.login(client, username, NEW_PASSWORD)
                .get("accessToken")
                .asText());
        assertThat(again.patch("/api/users/me", Map.of("bio", "back in")).status())
                .isEqualTo(204);
    }

    @Test
    void theTokensTheCallerChangedWithAreReplacedToo() throws InterruptedException {
        String username = Accounts.uniqueUsername("pia");
        Accounts.register(client, username);
        JsonNode before = Accounts.login(client, username, Accounts.PASSWORD);
        ApiClient withOldToken = client.withToken(before.get("accessToken").asText());

        ApiClient.Response changed = withOldToken.put(
                "/api/users/me/password", Map.of("currentPassword", Accounts.PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertRefusedWithinASecond(withOldToken);
        assertProblem(
                client.post(
                        "/api/auth/refresh",
                        Map.of("refreshToken", before.get("refreshToken").asText())),
                401,
                "INVALID_REFRESH_TOKEN");
        ApiClient renewed = client.withToken(changed.json().get("accessToken").asText());
        assertThat(renewed.patch("/api/users/me", Map.of("bio", "renewed")).status())
                .isEqualTo(204);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String username = Accounts.uniqueUsername("quinn");
        Accounts.register(client, username);
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));

        assertProblem(
                signedIn.post(
                        "/api/users/me/password",
                        Map.of("currentPassword", "Not-My-Password-1", "newPassword", NEW_PASSWORD)),
                403,
                "WRONG_PASSWORD");

        assertThat(signedIn.patch("/api/users/me", Map.of("bio", "still signed in"))
                        .status())
                .isEqualTo(204);
        assertThat(Accounts.login(client, username, Accounts.PASSWORD)
                        .get("accessToken")
                        .asText())
                .isNotBlank();
    }

    @Test
    void wrongCurrentPasswordsAreBackedOffLikeFailedLogins() {
        String username = Accounts.uniqueUsername("rita");
        Accounts.register(client, username);
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));
        Map<String, String> guess = Map.of("currentPassword", "Not-My-Password-1", "newPassword", NEW_PASSWORD);
        for (int failure = 0; failure < 3; failure++) {
            assertProblem(signedIn.put("/api/users/me/password", guess), 403, "WRONG_PASSWORD");
        }

        ApiClient.Response limited = signedIn.put("/api/users/me/password", guess);
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isPresent();
    }

    @Test
    void aWeakOrMissingNewPasswordIsAProblem() {
        String username = Accounts.uniqueUsername("sami");
        Accounts.register(client, username);
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));

        assertProblem(
                signedIn.put(
                        "/api/users/me/password",
                        Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "password123")),
                422,
                "WEAK_PASSWORD");
        assertProblem(
                signedIn.put(
                        "/api/users/me/password", Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "short")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                signedIn.put("/api/users/me/password", Map.of("newPassword", NEW_PASSWORD)), 400, "VALIDATION_FAILED");
        assertProblem(
                client.put(
                        "/api/users/me/password",
                        Map.of("currentPassword", Accounts.PASSWORD, "newPassword", NEW_PASSWORD)),
                401,
                "UNAUTHENTICATED");
        assertThat(signedIn.patch("/api/users/me", Map.of("bio", "unchanged")).status())
                .isEqualTo(204);
    }

    private static void assertRefusedWithinASecond(ApiClient withOldToken) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        ApiClient.Response response = withOldToken.patch("/api/users/me", Map.of("bio", "still in?"));
        while (response.status() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = withOldToken.patch("/api/users/me", Map.of("bio", "still in?"));
        }
        assertProblem(response, 401, "UNAUTHENTICATED");
    }
}
