package dev.studybuddy.command.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tokens mailed to a user: an e-mail verification link's, a password reset's. The value exists only in
 * the mail; {@code account_tokens} keeps its SHA-256 hash, its purpose and its expiry. Spending one spends every
 * other unspent token of that user and purpose too: the thing it was for is done.
 */
@Component
class AccountTokens {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token, valid for {@code lifetime}; the caller mails it once its transaction has committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    String issue(UUID userId, Purpose purpose, Duration lifetime) {
        String value = OpaqueTokens.newValue();
        Instant now = clock.instant();
        jdbc.update(
                """
                        INSERT INTO account_tokens (token_hash, purpose, user_id, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)""",
                OpaqueTokens.hash(value),
                purpose.name(),
                userId,
                Timestamp.from(now),
                Timestamp.from(now.plus(lifetime)));
        return value;
    }

    /** Whose unspent, unexpired token of that purpose {@code presented} is, without spending or locking it. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> ownerOf(String presented, Purpose purpose) {
        return owner(presented, purpose, clock.instant(), "");
    }

    /**
     * Spends {@code presented} if it is an unspent, unexpired token of that purpose, and says whose it was. Unknown,
     * spent, expired and other-purpose tokens are alike: empty, and nothing is spent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> spend(String presented, Purpose purpose) {
        Instant now = clock.instant();
        Optional<UUID> owner = owner(presented, purpose, now, "FOR UPDATE");
        owner.ifPresent(userId -> spendAll(userId, purpose, now));
        return owner;
    }

    private Optional<UUID> owner(String presented, Purpose purpose, Instant now, String lock) {
        return jdbc.query(
                """
                        SELECT user_id FROM account_tokens
                        WHERE token_hash = ? AND purpose = ? AND spent_at IS NULL AND expires_at > ?
                        """ + lock,
                rs -> rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty(),
                OpaqueTokens.hash(presented),
                purpose.name(),
                Timestamp.from(now));
    }

    /** Tokens already mailed for that purpose no longer work (their address changed, say). */
    @Transactional(propagation = Propagation.MANDATORY)
    void spendAll(UUID userId, Purpose purpose) {
        spendAll(userId, purpose, clock.instant());
    }

    private void spendAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.update(
                "UPDATE account_tokens SET spent_at = ? WHERE user_id = ? AND purpose = ? AND spent_at IS NULL",
                Timestamp.from(now),
                userId,
                purpose.name());
    }

    @Transactional
    void purgeExpired() {
        jdbc.update(
                // skips rows a request holds: a purge never waits, so it cannot deadlock with a redemption
                "DELETE FROM account_tokens WHERE token_hash IN"
                        + " (SELECT token_hash FROM account_tokens WHERE expires_at < ? FOR UPDATE SKIP LOCKED)",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }
}
