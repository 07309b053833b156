package dev.studybuddy.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TransactionRaces;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The hourly purges delete what expired long enough ago and keep the rest; a row a request holds is left for the next
 * purge instead of waited for (a purge walks the rows in another order than a revocation, so waiting could deadlock).
 */
@CommandSideIT
class ExpiredTokenPurgesIT {

    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(30));
    private static final Instant TOMORROW = Instant.now().plus(Duration.ofDays(1));

    @LocalServerPort
    int port;

    @Autowired
    RefreshTokens refreshTokens;

    @Autowired
    AccountTokens accountTokens;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void expiredRowsGoLiveOnesStayAndOneARequestHoldsIsSkippedNotWaitedFor() throws Exception {
        UUID userId = Accounts.register(ApiClient.on(port), Accounts.uniqueUsername("theo"));
        Rows expired = insertRows(userId, LONG_AGO);
        Rows held = insertRows(userId, LONG_AGO);
        Rows live = insertRows(userId, TOMORROW);
        new TransactionRaces(transactions, jdbc).requestWhileATransactionHolds(() -> lock(held), () -> {}, () -> {
            refreshTokens.purgeExpired();
            accountTokens.purgeExpired();
            return null;
        });

        assertThat(present(expired)).as("expired long ago").isEqualTo(new Presence(false, false, false));
        assertThat(present(held)).as("held by a request").isEqualTo(new Presence(true, true, true));
        assertThat(present(live)).as("not expired").isEqualTo(new Presence(true, true, true));
    }

    private Rows insertRows(UUID userId, Instant expiresAt) {
        Rows rows = new Rows(
                OpaqueTokens.hash(OpaqueTokens.newValue()),
                UUID.randomUUID(),
                OpaqueTokens.hash(OpaqueTokens.newValue()));
        Timestamp expiry = Timestamp.from(expiresAt);
        Timestamp issued = Timestamp.from(expiresAt.minus(Duration.ofDays(30)));
        jdbc.update(
                "INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at, security_stamp)"
                        + " VALUES (?, ?, ?, ?, ?, 0)",
                rows.refreshToken(),
                rows.session(),
                userId,
                issued,
                expiry);
        jdbc.update(
                "INSERT INTO sign_in_sessions (id, user_id, created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                rows.session(),
                userId,
                issued,
                issued,
                expiry);
        jdbc.update(
                "INSERT INTO account_tokens (token_hash, purpose, user_id, created_at, expires_at)"
                        + " VALUES (?, 'VERIFY_EMAIL', ?, ?, ?)",
                rows.accountToken(),
                userId,
                issued,
                expiry);
        return rows;
    }

    private void lock(Rows rows) {
        jdbc.queryForList("SELECT 1 FROM refresh_tokens WHERE token_hash = ? FOR UPDATE", rows.refreshToken());
        jdbc.queryForList("SELECT 1 FROM sign_in_sessions WHERE id = ? FOR UPDATE", rows.session());
        jdbc.queryForList("SELECT 1 FROM account_tokens WHERE token_hash = ? FOR UPDATE", rows.accountToken());
    }

    private Presence present(Rows rows) {
        return new Presence(
                exists("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?", rows.refreshToken()),
                exists("SELECT count(*) FROM sign_in_sessions WHERE id = ?", rows.session()),
                exists("SELECT count(*) FROM account_tokens WHERE token_hash = ?", rows.accountToken()));
    }

    private boolean exists(String countQuery, Object key) {
        return jdbc.queryForObject(countQuery, Long.class, key) > 0;
    }

    /** One refresh token, the session of its family and one mailed token, all of a user. */
    private record Rows(String refreshToken, UUID session, String accountToken) {}

    private record Presence(boolean refreshToken, boolean session, boolean accountToken) {}
}
