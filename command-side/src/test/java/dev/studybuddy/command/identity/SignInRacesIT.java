package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.TransactionRaces;
import dev.studybuddy.platform.security.AccountAuthority;
import dev.studybuddy.platform.security.AccountSecurity;
import dev.studybuddy.testing.ApiClient;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A refresh or a logout under way while its account is erased: neither deadlocks with the erasure (they did, the
 * refresh by locking its token before the credential, the erasure by deleting the sessions before revoking the tokens),
 * and the erasure still forgets every session of the account.
 */
@CommandSideIT
class RefreshRacesIT {

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
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anErasureBetweenARefreshsAccountCheckAndItsSessionWriteSucceedsAndLeavesNoSession() throws Exception {
        ApiClient client = ApiClient.on(port);
        String username = Accounts.uniqueUsername("rosa");
        UUID userId = Accounts.register(client, username);
        String refreshToken = Accounts.login(client, username, Accounts.PASSWORD)
                .get("refreshToken")
                .asText();
        TransactionRaces races = new TransactionRaces(transactions, jdbc);
        AtomicReference<Future<?>> erasing = new AtomicReference<>();
        ExecutorService administrator = Executors.newSingleThreadExecutor();
        RefreshTokens.Rotation rotation;
        try {
            rotation = refreshTokens.rotate(
                    refreshToken,
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

        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_sessions WHERE user_id = ?", Long.class, userId))
                .as("sessions (user agent, address) of the erased account")
                .isZero();
        assertProblem(
                client.post("/api/auth/refresh", Map.of("refreshToken", rotation.refreshToken())),
                401,
                "INVALID_REFRESH_TOKEN");
    }

    @Test
    void aLogoutUnderWayWhileItsAccountIsErasedLetsTheErasureFinish() throws Exception {
        ApiClient client = ApiClient.on(port);
        String username = Accounts.uniqueUsername("sven");
        UUID userId = Accounts.register(client, username);
        JsonNode tokens = Accounts.login(client, username, Accounts.PASSWORD);
        AtomicReference<UUID> family = new AtomicReference<>();

        ApiClient.Response erased = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        // a logout's order: its token locked, then its family's tokens and session ended
                        () -> family.set(jdbc.queryForObject(
                                "SELECT family_id FROM refresh_tokens WHERE token_hash = ? FOR UPDATE",
                                UUID.class,
                                OpaqueTokens.hash(tokens.get("refreshToken").asText()))),
                        () -> refreshTokens.revokeFamily(family.get()),
                        () -> client.withToken(tokens.get("accessToken").asText())
                                .send("DELETE", "/api/users/me", Map.of("password", Accounts.PASSWORD)));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_sessions WHERE user_id = ?", Long.class, userId))
                .isZero();
    }
}
