package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.MailCatcher;
import dev.studybuddy.testing.ApiClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CommandSideIT
class PasswordResetIT {

    private static final String SUBJECT = "Reset your StudyBuddy password";
    private static final String NEW_PASSWORD = "Fresh-Start-Lantern-9";

    @RegisterExtension
    static final GreenMailExtension MAIL = MailCatcher.extension();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.on(port);
    }

    @Test
    void aResetMailedToAVerifiedAddressSetsThePasswordOnceAndEndsEverySession() throws InterruptedException {
        String username = verifiedUser("rosa");
        JsonNode laptop = Accounts.login(client, username, Accounts.PASSWORD);
        JsonNode phone = Accounts.login(client, username, Accounts.PASSWORD);

        String token = requestReset(username, 1);
        assertThat(client.post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                        .status())
                .isEqualTo(204);

        for (JsonNode session : new JsonNode[] {laptop, phone}) {
            assertProblem(
                    client.post(
                            "/api/auth/refresh",
                            Map.of("refreshToken", session.get("refreshToken").asText())),
                    401,
                    "INVALID_REFRESH_TOKEN");
        }
        assertRefusedWithinASecond(client.withToken(laptop.get("accessToken").asText()));
        assertProblem(
                client.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD)),
                401,
                "INVALID_CREDENTIALS");
        assertThat(Accounts.login(client, username, NEW_PASSWORD)
                        .get("accessToken")
                        .asText())
                .isNotBlank();

        assertProblem(
                client.post(
                        "/api/auth/password-reset/confirm",
                        Map.of("token", token, "newPassword", "Another-One-Entirely-3")),
                400,
                "INVALID_TOKEN");
    }

    @Test
    void anExpiredTokenIsRefusedAndChangesNothing() {
        String username = verifiedUser("ezra");
        String token = requestReset(username, 1);
        jdbc.update(
                "UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                OpaqueTokens.hash(token));

        assertProblem(
                client.post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD)),
                400,
                "INVALID_TOKEN");
        assertThat(Accounts.login(client, username, Accounts.PASSWORD)
                        .get("accessToken")
                        .asText())
                .isNotBlank();
    }

    @Test
    void foreignAndMadeUpTokensAreRefusedAndAWeakPasswordLeavesTheTokenUnspent() {
        String username = verifiedUser("fern");
        String stranger = Accounts.uniqueUsername("stan");
        Accounts.register(client, stranger);
        String strangersVerification =
                MailCatcher.awaitCode(MAIL, stranger + "@studybuddy.test", EmailVerificationIT.SUBJECT, 1);

        assertProblem(
                client.post(
                        "/api/auth/password-reset/confirm",
                        Map.of("token", strangersVerification, "newPassword", NEW_PASSWORD)),
                400,
                "INVALID_TOKEN");
        assertProblem(
                client.post(
                        "/api/auth/password-reset/confirm",
                        Map.of("token", "made-up-token", "newPassword", NEW_PASSWORD)),
                400,
                "INVALID_TOKEN");
        assertThat(Accounts.login(client, stranger, Accounts.PASSWORD)
                        .get("accessToken")
                        .asText())
                .isNotBlank();

        String token = requestReset(username, 1);
        assertProblem(
                client.post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", "password123")),
                422,
                "WEAK_PASSWORD");
        assertProblem(
                client.post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short")),
                400,
                "VALIDATION_FAILED");
        assertThat(client.post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                        .status())
                .isEqualTo(204);
        assertProblem(
                client.post(
                        "/api/auth/password-reset/confirm",
                        Map.of("token", strangersVerification, "newPassword", NEW_PASSWORD)),
                400,
                "INVALID_TOKEN");
    }

    @Test
    void unknownAndUnverifiedAddressesAreAnsweredAlikeAndMailedNothing() throws InterruptedException {
        String unverified = Accounts.uniqueUsername("ulla");
        Accounts.register(client, unverified);
        String verified = verifiedUser("vic");

        for (String address : new String[] {
            "nobody-" + UUID.randomUUID() + "@studybuddy.test",
            unverified + "@studybuddy.test",
            verified + "@studybuddy.test"
        }) {
            ApiClient.Response answer = client.post("/api/auth/password-reset", Map.of("email", address));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertThat(answer.body()).isEmpty();
        }
        MailCatcher.awaitCode(MAIL, verified + "@studybuddy.test", SUBJECT, 1);
        Thread.sleep(500);
        assertThat(MailCatcher.mailsTo(MAIL, unverified + "@studybuddy.test", SUBJECT))
                .isEmpty();
        assertProblem(
                client.post("/api/auth/password-reset", Map.of("email", "not an address")), 400, "VALIDATION_FAILED");
    }

    private String verifiedUser(String prefix) {
        return EmailVerificationIT.verifiedUser(client, MAIL, prefix);
    }

    private String requestReset(String username, int nth) {
        String address = username + "@studybuddy.test";
        assertThat(client.post("/api/auth/password-reset", Map.of("email", address.toUpperCase()))
                        .status())
                .isEqualTo(202);
        return MailCatcher.awaitCode(MAIL, address, SUBJECT, nth);
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
