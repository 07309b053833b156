package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.user.EraseUserCommand;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.platform.security.AccountAuthority;
import dev.studybuddy.platform.security.AccountSecurity;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TransactionRaces;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Changes to one account's sign-in state at once (a refresh, a logout, ending a session, signing out everywhere, an
 * erasure): none deadlocks with another, and none leaves behind a session or a token the other ended. Each test
 * failed before every such change locked the account's credential first.
 */
@CommandSideIT
class SignInRacesIT {

    private static final SignInSession.Client LAPTOP = new SignInSession.Client("laptop", "192.0.2.41");

    @LocalServerPort
    int port;

    @Autowired
    RefreshTokens refreshTokens;

    @Autowired
    AccountErasure erasure;

    @Autowired
    AccountAuthority authority;

    @Autowired
    CredentialRepository credentials;

    @Autowired
    CommandGateway commandGateway;

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
    void anErasureBetweenARefreshsAccountCheckAndItsSessionWriteSucceedsAndLeavesNoSession() throws Exception {
        SignedIn rosa = signIn("rosa");
        TransactionRaces races = new TransactionRaces(transactions, jdbc);
        AtomicReference<Future<?>> erasing = new AtomicReference<>();
        ExecutorService administrator = Executors.newSingleThreadExecutor();
        RefreshTokens.Rotation rotation;
        try {
            rotation = refreshTokens.rotate(
                    rosa.refreshToken(),
                    account -> {
                        AccountSecurity found = authority.read(account);
                        erasing.set(administrator.submit(() -> erasure.eraseByAdministrator(account)));
                        try {
                            races.awaitALockWaitOrTheEndOf(erasing.get());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return found;
                    },
                    LAPTOP);
            erasing.get().get(30, TimeUnit.SECONDS);
        } finally {
            administrator.shutdownNow();
        }

        assertThat(sessionsOf(rosa.userId()))
                .as("sessions (user agent, address) of the erased account")
                .isZero();
        assertProblem(
                client.post("/api/auth/refresh", Map.of("refreshToken", rotation.refreshToken())),
                401,
                "INVALID_REFRESH_TOKEN");
    }

    @Test
    void aLogoutUnderWayWhileItsAccountIsErasedLetsTheErasureFinish() throws Exception {
        SignedIn sven = signIn("sven");
        AtomicReference<UUID> family = new AtomicReference<>();

        ApiClient.Response erased = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        // a logout's order: its token locked, then its family's tokens and session ended
                        () -> family.set(jdbc.queryForObject(
                                "SELECT family_id FROM refresh_tokens WHERE token_hash = ? FOR UPDATE",
                                UUID.class,
                                OpaqueTokens.hash(sven.refreshToken()))),
                        () -> refreshTokens.revokeFamily(family.get()),
                        () -> sven.api().send("DELETE", "/api/users/me", Map.of("password", Accounts.PASSWORD)));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(sessionsOf(sven.userId())).isZero();
    }

    @Test
    void aLogoutWhileAllTheAccountsTokensAreRevokedWaitsForItInsteadOfDeadlocking() throws Exception {
        SignedIn tara = signIn("tara");
        String firstToken = tara.refreshToken();
        String currentToken = client.post("/api/auth/refresh", Map.of("refreshToken", firstToken))
                .json()
                .get("refreshToken")
                .asText();

        ApiClient.Response loggedOut = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        // a revocation of all the account's tokens (a password change's), which has come as far as the
                        // first token of the family
                        () -> {
                            credentials.findForUpdate(tara.userId());
                            lockToken(firstToken);
                        },
                        () -> refreshTokens.revokeAllOf(tara.userId()),
                        () -> client.post("/api/auth/logout", Map.of("refreshToken", currentToken)));

        assertThat(loggedOut.status()).as(loggedOut.toString()).isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL",
                        Long.class,
                        tara.userId()))
                .isZero();
    }

    @Test
    void signingOutEverywhereWhileTheAccountIsErasedWaitsForTheErasure() throws Exception {
        SignedIn uma = signIn("uma");

        ApiClient.Response signedOut = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        // an erasure's order: the credential, the account's tokens revoked, then its aggregate
                        () -> {
                            credentials.findForUpdate(uma.userId());
                            refreshTokens.revokeAllOf(uma.userId());
                        },
                        () -> commandGateway.sendAndWait(new EraseUserCommand(uma.userId())),
                        () -> uma.api().post("/api/auth/sign-out-everywhere", Map.of()));

        assertThat(signedOut.status()).as(signedOut.toString()).isLessThan(500);
    }

    @Test
    void aSessionEndedWhileItIsRefreshedTakesTheNewTokenWithIt() throws Exception {
        SignedIn vera = signIn("vera");
        String session =
                vera.api().get("/api/users/me/sessions").json().get(0).get("id").asText();
        AtomicReference<RefreshTokens.Rotation> refreshed = new AtomicReference<>();

        ApiClient.Response ended = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        () -> refreshed.set(refreshTokens.rotate(vera.refreshToken(), authority::read, LAPTOP)),
                        () -> {},
                        () -> vera.api().delete("/api/users/me/sessions/" + session));

        assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
        assertProblem(
                client.post(
                        "/api/auth/refresh",
                        Map.of("refreshToken", refreshed.get().refreshToken())),
                401,
                "INVALID_REFRESH_TOKEN");
    }

    /** A new user, signed in once: their access token's client and their refresh token. */
    private SignedIn signIn(String prefix) {
        String username = Accounts.uniqueUsername(prefix);
        UUID userId = Accounts.register(client, username);
        JsonNode tokens = Accounts.login(client, username, Accounts.PASSWORD);
        return new SignedIn(
                userId,
                client.withToken(tokens.get("accessToken").asText()),
                tokens.get("refreshToken").asText());
    }

    private long sessionsOf(UUID userId) {
        return jdbc.queryForObject("SELECT count(*) FROM sign_in_sessions WHERE user_id = ?", Long.class, userId);
    }

    private record SignedIn(UUID userId, ApiClient api, String refreshToken) {}

    private void lockToken(String presented) {
        jdbc.queryForList("SELECT 1 FROM refresh_tokens WHERE token_hash = ? FOR UPDATE", OpaqueTokens.hash(presented));
    }
}
