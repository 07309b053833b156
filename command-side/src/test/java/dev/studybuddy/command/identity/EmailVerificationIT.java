package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.studybuddy.api.user.EmailVerifiedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.MailCatcher;
import dev.studybuddy.testing.ApiClient;
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
class EmailVerificationIT {

    static final String SUBJECT = "Confirm your e-mail address";

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
    void registrationMailsALinkWhoseTokenVerifiesTheAddressOnce() {
        String username = Accounts.uniqueUsername("vera");
        UUID userId = Accounts.register(client, username);
        String address = username + "@studybuddy.test";

        String token = MailCatcher.awaitCode(MAIL, address, SUBJECT, 1);
        assertThat(MailCatcher.mailsTo(MAIL, address, SUBJECT).get(0))
                .satisfies(mail -> assertThat(mail.getContent().toString()).contains("/verify-email?token=" + token));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account_tokens WHERE token_hash = ?",
                        Integer.class,
                        OpaqueTokens.hash(token)))
                .as("only the hash is stored")
                .isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account_tokens WHERE token_hash = ?", Integer.class, token))
                .isZero();

        ApiClient.Response verified = client.post("/api/auth/verify-email", Map.of("token", token));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        assertThat(verified.header("X-Consistency-Token")).isPresent();

        assertThat(eventStore.readEvents(userId.toString()).asStream().map(event -> (Object) event.getPayload()))
                .containsOnlyOnce(new EmailVerifiedEvent(userId));
        assertThat(jdbc.queryForList(
                        "SELECT email FROM contact_outbox WHERE user_id = ? AND verified", String.class, userId))
                .containsExactly(address);
        assertProblem(client.post("/api/auth/verify-email", Map.of("token", token)), 400, "INVALID_TOKEN");
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));
        assertProblem(signedIn.post("/api/auth/verify-email/resend", null), 409, "CONFLICT");
    }

    @Test
    void anotherLinkIsMailedOnRequestAFewTimesAnHour() {
        String username = Accounts.uniqueUsername("resa");
        Accounts.register(client, username);
        String address = username + "@studybuddy.test";
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));
        String first = MailCatcher.awaitCode(MAIL, address, SUBJECT, 1);

        for (int resend = 0; resend < 3; resend++) {
            ApiClient.Response again = signedIn.post("/api/auth/verify-email/resend", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
        }
        String latest = MailCatcher.awaitCode(MAIL, address, SUBJECT, 4);
        assertThat(latest).isNotEqualTo(first);

        ApiClient.Response limited = signedIn.post("/api/auth/verify-email/resend", null);
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isPresent();

        assertThat(client.post("/api/auth/verify-email", Map.of("token", first)).status())
                .as("an earlier link works until it expires")
                .isEqualTo(204);
        assertProblem(client.post("/api/auth/verify-email", Map.of("token", latest)), 400, "INVALID_TOKEN");
    }

    @Test
    void madeUpExpiredAndMissingTokensAreRefused() {
        String username = Accounts.uniqueUsername("vito");
        UUID userId = Accounts.register(client, username);
        String token = MailCatcher.awaitCode(MAIL, username + "@studybuddy.test", SUBJECT, 1);
        jdbc.update("UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = ?", userId);

        assertProblem(client.post("/api/auth/verify-email", Map.of("token", token)), 400, "INVALID_TOKEN");
        assertProblem(
                client.post("/api/auth/verify-email", Map.of("token", "not-a-token-we-sent")), 400, "INVALID_TOKEN");
        assertProblem(client.post("/api/auth/verify-email", Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(client.post("/api/auth/verify-email/resend", null), 401, "UNAUTHENTICATED");
        assertThat(eventStore.readEvents(userId.toString()).asStream().map(event -> (Object) event.getPayload()))
                .doesNotContain(new EmailVerifiedEvent(userId));
    }

    /** Registered, and their address verified through the link mailed at registration; their user name. */
    static String verifiedUser(ApiClient client, GreenMailExtension mail, String prefix) {
        String username = Accounts.uniqueUsername(prefix);
        Accounts.register(client, username);
        String token = MailCatcher.awaitCode(mail, username + "@studybuddy.test", SUBJECT, 1);
        assertThat(client.post("/api/auth/verify-email", Map.of("token", token)).status())
                .isEqualTo(204);
        return username;
    }
}
