package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.MailCatcher;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TransactionRaces;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A mailed token (an address verification's, a password reset's) used or asked for while another change of the same
 * account is under way: each waits for the other, neither deadlocks, and neither writes back what the other changed
 * nor mails a link to an address the account no longer has.
 */
@CommandSideIT
class AccountTokenRacesIT {

    private static final String RESET_SUBJECT = "Reset your StudyBuddy password";
    private static final String NEW_PASSWORD = "Second-Thoughts-Kettle-7";
    private static final SignInSession.Client LAPTOP = new SignInSession.Client("laptop", "192.0.2.31");

    @RegisterExtension
    static final GreenMailExtension MAIL = MailCatcher.extension();

    @LocalServerPort
    int port;

    @Autowired
    PasswordChange passwordChange;

    @Autowired
    EmailChange emailChange;

    @Autowired
    CurrentPassword currentPassword;

    @Autowired
    AccountTokens tokens;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.on(port);
    }

    @Test
    void anAddressVerifiedWhileThePasswordChangesKeepsTheNewPassword() throws Exception {
        String username = Accounts.uniqueUsername("ines");
        UUID userId = Accounts.register(client, username);
        String token = MailCatcher.awaitCode(MAIL, username + "@studybuddy.test", EmailVerificationIT.SUBJECT, 1);

        ApiClient.Response verified = requestWhileATransactionHolds(
                () -> passwordChange.change(userId, LAPTOP, Accounts.PASSWORD, NEW_PASSWORD),
                () -> {},
                () -> client.post("/api/auth/verify-email", Map.of("token", token)));

        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "SELECT email_verified_at IS NOT NULL FROM credentials WHERE user_id = ?",
                        Boolean.class,
                        userId))
                .isTrue();
        assertThat(client.post("/api/auth/login", Map.of("username", username, "password", NEW_PASSWORD))
                        .status())
                .as("the new password")
                .isEqualTo(200);
        assertProblem(
                client.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD)),
                401,
                "INVALID_CREDENTIALS");
    }

    @Test
    void aVerificationWhileAnEmailChangeSpendsTheLinksIsRefusedWithoutADeadlock() throws Exception {
        String username = Accounts.uniqueUsername("otto");
        UUID userId = Accounts.register(client, username);
        String token = MailCatcher.awaitCode(MAIL, username + "@studybuddy.test", EmailVerificationIT.SUBJECT, 1);

        ApiClient.Response refused = requestWhileATransactionHolds(
                // an e-mail change's order: the credential locked, then the links mailed to the old address spent
                () -> currentPassword.of(userId),
                () -> tokens.spendAll(userId, AccountTokens.Purpose.VERIFY_EMAIL),
                () -> client.post("/api/auth/verify-email", Map.of("token", token)));

        assertProblem(refused, 400, "INVALID_TOKEN");
        assertThat(jdbc.queryForObject(
                        "SELECT email_verified_at IS NULL FROM credentials WHERE user_id = ?", Boolean.class, userId))
                .isTrue();
    }

    @Test
    void aResetWhileAnEmailChangeSpendsTheLinksIsRefusedWithoutADeadlock() throws Exception {
        String username = verifiedUser("pia");
        UUID userId = userIdOf(username);
        assertThat(client.post("/api/auth/password-reset", Map.of("email", username + "@studybuddy.test"))
                        .status())
                .isEqualTo(202);
        String token = MailCatcher.awaitCode(MAIL, username + "@studybuddy.test", RESET_SUBJECT, 1);

        ApiClient.Response refused = requestWhileATransactionHolds(
                () -> currentPassword.of(userId),
                () -> tokens.spendAll(userId, AccountTokens.Purpose.RESET_PASSWORD),
                () -> client.post(
                        "/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD)));

        assertProblem(refused, 400, "INVALID_TOKEN");
        assertThat(client.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD))
                        .status())
                .as("the password it had")
                .isEqualTo(200);
    }

    @Test
    void aResetAskedForTheAddressAnEmailChangeIsTakingAwayMailsNoLink() throws Exception {
        String username = verifiedUser("quinn");
        UUID userId = userIdOf(username);
        String oldAddress = username + "@studybuddy.test";

        ApiClient.Response asked = requestWhileATransactionHolds(
                () -> emailChange.change(userId, LAPTOP, Accounts.PASSWORD, "moved-" + username + "@studybuddy.test"),
                () -> {},
                () -> client.post("/api/auth/password-reset", Map.of("email", oldAddress)));

        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account_tokens WHERE user_id = ? AND purpose = 'RESET_PASSWORD'",
                        Long.class,
                        userId))
                .as("no reset link issued for the address the account no longer has")
                .isZero();
        Thread.sleep(500);
        assertThat(MailCatcher.mailsTo(MAIL, oldAddress, RESET_SUBJECT)).isEmpty();
    }

    @Test
    void aLinkAskedForAgainWhileTheAddressChangesGoesToTheNewAddressOnly() throws Exception {
        String username = Accounts.uniqueUsername("wim");
        UUID userId = Accounts.register(client, username);
        String oldAddress = username + "@studybuddy.test";
        String newAddress = "moved-" + username + "@studybuddy.test";
        MailCatcher.awaitCode(MAIL, oldAddress, EmailVerificationIT.SUBJECT, 1);
        ApiClient signedIn = client.withToken(Accounts.accessToken(client, username));

        ApiClient.Response resent = requestWhileATransactionHolds(
                // an e-mail change's order, up to its command (whose event would refuse the caller's access token):
                // the credential locked and changed, then the links mailed to the old address spent
                () -> {
                    currentPassword.of(userId);
                    jdbc.update(
                            "UPDATE credentials SET email = ?, email_verified_at = NULL WHERE user_id = ?",
                            newAddress,
                            userId);
                },
                () -> tokens.spendAll(userId, AccountTokens.Purpose.VERIFY_EMAIL),
                () -> signedIn.post("/api/auth/verify-email/resend", null));

        assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
        MailCatcher.awaitCode(MAIL, newAddress, EmailVerificationIT.SUBJECT, 1);
        assertThat(MailCatcher.mailsTo(MAIL, oldAddress, EmailVerificationIT.SUBJECT))
                .as("only the registration's link went to the address the account left")
                .hasSize(1);
    }

    private <T> T requestWhileATransactionHolds(
            Runnable holding, Runnable thenInTheSameTransaction, Callable<T> request) throws Exception {
        return new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(holding, thenInTheSameTransaction, request);
    }

    private String verifiedUser(String prefix) {
        return EmailVerificationIT.verifiedUser(client, MAIL, prefix);
    }

    private UUID userIdOf(String username) {
        return jdbc.queryForObject("SELECT user_id FROM credentials WHERE username = ?", UUID.class, username);
    }
}
