package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.studybuddy.api.user.EmailChangedEvent;
import dev.studybuddy.api.user.EmailVerifiedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.MailCatcher;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CommandSideIT
class EmailChangeIT {

    private static final String CHANGED = "Your StudyBuddy e-mail address was changed";

    @RegisterExtension
    static final GreenMailExtension MAIL = MailCatcher.extension();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.on(port);
    }

    @Test
    void theCallerReadsTheirOwnAddressAndWhetherItIsVerified() throws Exception {
        String username = Accounts.uniqueUsername("dora");
        Accounts.register(client, username);
        String address = username + "@studybuddy.test";
        ApiClient me = client.withToken(Accounts.login(client, username, Accounts.PASSWORD)
                .get("accessToken")
                .asText());

        JsonNode unverified = me.get("/api/users/me/email").json();
        assertThat(unverified.get("email").asText()).isEqualTo(address);
        assertThat(unverified.get("verified").asBoolean()).isFalse();

        verify(MailCatcher.awaitCode(MAIL, address, EmailVerificationIT.SUBJECT, 1));
        assertThat(me.get("/api/users/me/email").json().get("verified").asBoolean())
                .isTrue();
        assertProblem(client.get("/api/users/me/email"), 401, "UNAUTHENTICATED");
    }

    @Test
    void aNewAddressIsVerifiedAgainTheOldOneIsToldAndTheOtherSessionsEnd() throws Exception {
        String username = Accounts.uniqueUsername("cleo");
        UUID userId = Accounts.register(client, username);
        String oldAddress = username + "@studybuddy.test";
        String newAddress = "new-" + username + "@studybuddy.test";
        verify(MailCatcher.awaitCode(MAIL, oldAddress, EmailVerificationIT.SUBJECT, 1));
        JsonNode laptop = Accounts.login(client, username, Accounts.PASSWORD);
        JsonNode phone = Accounts.login(client, username, Accounts.PASSWORD);

        ApiClient.Response changed = client.withToken(phone.get("accessToken").asText())
                .post("/api/users/me/email", Map.of("currentPassword", Accounts.PASSWORD, "newEmail", newAddress));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> MailCatcher.mailsTo(MAIL, oldAddress, CHANGED).size() == 1);
        assertThat(MailCatcher.mailsTo(MAIL, oldAddress, CHANGED)
                        .get(0)
                        .getContent()
                        .toString())
                .contains(username)
                .doesNotContain(newAddress);
        assertProblem(
                client.post(
                        "/api/auth/refresh",
                        Map.of("refreshToken", laptop.get("refreshToken").asText())),
                401,
                "INVALID_REFRESH_TOKEN");
        ApiClient goesOn = client.withToken(changed.json().get("accessToken").asText());
        assertThat(goesOn.patch("/api/users/me", Map.of("bio", "moved")).status())
                .isEqualTo(204);
        assertThat(jdbc.queryForList(
                        "SELECT email FROM contact_outbox WHERE user_id = ? ORDER BY version DESC LIMIT 1",
                        String.class,
                        userId))
                .containsExactly(newAddress);

        assertThat(client.post("/api/auth/password-reset", Map.of("email", newAddress))
                        .status())
                .isEqualTo(202);
        assertThat(client.post("/api/auth/password-reset", Map.of("email", oldAddress))
                        .status())
                .isEqualTo(202);
        verify(MailCatcher.awaitCode(MAIL, newAddress, EmailVerificationIT.SUBJECT, 1));
        assertThat(jdbc.queryForList(
                        "SELECT email FROM contact_outbox WHERE user_id = ? AND verified ORDER BY version DESC LIMIT 1",
                        String.class,
                        userId))
                .containsExactly(newAddress);
        assertThat(eventStore.readEvents(userId.toString()).asStream().map(event -> (Object) event.getPayload()))
                .containsSubsequence(
                        new EmailVerifiedEvent(userId), new EmailChangedEvent(userId), new EmailVerifiedEvent(userId));
        // One thread sends account mail in order: a reset mail asked for before would have arrived before this one.
        assertThat(MailCatcher.mailsTo(MAIL, newAddress, "Reset"))
                .as("not verified when asked")
                .isEmpty();
        assertThat(MailCatcher.mailsTo(MAIL, oldAddress, "Reset"))
                .as("no longer the account's")
                .isEmpty();
    }

    @Test
    void linksMailedToTheOldAddressStopWorking() {
        String username = Accounts.uniqueUsername("dora");
        Accounts.register(client, username);
        String firstLink = MailCatcher.awaitCode(MAIL, username + "@studybuddy.test", EmailVerificationIT.SUBJECT, 1);
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));

        ApiClient.Response changed = signedIn.post(
                "/api/users/me/email",
                Map.of("currentPassword", Accounts.PASSWORD, "newEmail", "other-" + username + "@studybuddy.test"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertProblem(client.post("/api/auth/verify-email", Map.of("token", firstLink)), 400, "INVALID_TOKEN");
        assertThat(MailCatcher.mailsTo(MAIL, username + "@studybuddy.test", CHANGED))
                .as("an unverified address is not told")
                .isEmpty();
    }

    @Test
    void aWrongPasswordATakenOrTheSameAddressChangesNothing() {
        String username = Accounts.uniqueUsername("ezio");
        String other = Accounts.uniqueUsername("fay");
        Accounts.register(client, username);
        Accounts.register(client, other);
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));

        assertProblem(
                signedIn.post(
                        "/api/users/me/email",
                        Map.of(
                                "currentPassword",
                                "Not-My-Password-1",
                                "newEmail",
                                "x-" + username + "@studybuddy.test")),
                403,
                "WRONG_PASSWORD");
        assertProblem(
                signedIn.post(
                        "/api/users/me/email",
                        Map.of(
                                "currentPassword",
                                Accounts.PASSWORD,
                                "newEmail",
                                other.toUpperCase() + "@studybuddy.test")),
                409,
                "EMAIL_TAKEN");
        assertProblem(
                signedIn.post(
                        "/api/users/me/email",
                        Map.of("currentPassword", Accounts.PASSWORD, "newEmail", username + "@studybuddy.test")),
                422,
                "RULE_VIOLATED");
        assertProblem(
                signedIn.post(
                        "/api/users/me/email",
                        Map.of("currentPassword", Accounts.PASSWORD, "newEmail", "not an address")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                signedIn.post(
                        "/api/users/me/email",
                        Map.of("currentPassword", Accounts.PASSWORD, "newEmail", "new\u202E" + username + "@x.test")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                client.post(
                        "/api/users/me/email",
                        Map.of("currentPassword", Accounts.PASSWORD, "newEmail", "y-" + username + "@studybuddy.test")),
                401,
                "UNAUTHENTICATED");

        assertThat(signedIn.patch("/api/users/me", Map.of("bio", "still here")).status())
                .isEqualTo(204);
    }

    private void verify(String token) {
        assertThat(client.post("/api/auth/verify-email", Map.of("token", token)).status())
                .isEqualTo(204);
    }
}
