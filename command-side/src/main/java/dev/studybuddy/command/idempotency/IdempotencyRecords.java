package dev.studybuddy.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys and first outcomes of keyed requests, in {@code idempotency_keys} (command-side's PostgreSQL), so
 * that every node, and a restarted one, answers a retry alike. Each statement commits on its own: a claim must
 * be visible to the other nodes while its request is being served, and an outcome must survive the request's
 * own transaction rolling back.
 */
@Component
class IdempotencyRecords {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    /** A row that vanished between the claim and the look (its expiry cleaned it up) is claimed once more. */
    private static final int ATTEMPTS = 2;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyRecords(JdbcTemplate jdbc, ObjectMapper json, IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes the key for this request unless it is taken: an expired key, and an abandoned claim of the same
     * request (its lease ran out), count as free.
     */
    Claim claim(UUID userId, IdempotencyKey key, String fingerprint) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            List<Boolean> claimed = jdbc.queryForList(
                    """
                    INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, created_at, expires_at, leased_until)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (user_id, idempotency_key) DO UPDATE
                    SET fingerprint = excluded.fingerprint, created_at = excluded.created_at,
                        expires_at = excluded.expires_at, leased_until = excluded.leased_until,
                        status = NULL, headers = NULL, body = NULL
                    WHERE idempotency_keys.expires_at <= excluded.created_at
                       OR (idempotency_keys.status IS NULL AND idempotency_keys.leased_until <= excluded.created_at
                           AND idempotency_keys.fingerprint = excluded.fingerprint)
                    RETURNING true""",
                    Boolean.class,
                    userId,
                    key.value(),
                    fingerprint,
                    Timestamp.from(now),
                    Timestamp.from(now.plus(properties.keepFor())),
                    Timestamp.from(now.plus(properties.lease())));
            if (!claimed.isEmpty()) {
                return new Claim.Claimed();
            }
            List<Claim> taken = jdbc.query(
                    """
                    SELECT fingerprint, status, headers, body FROM idempotency_keys
                    WHERE user_id = ? AND idempotency_key = ?""",
                    (rs, row) -> {
                        if (!rs.getString("fingerprint").equals(fingerprint)) {
                            return new Claim.UsedForAnotherRequest();
                        }
                        int status = rs.getInt("status");
                        return rs.wasNull()
                                ? new Claim.InProgress()
                                : new Claim.Completed(new StoredResponse(
                                        status, headers(rs.getString("headers")), rs.getBytes("body")));
                    },
                    userId,
                    key.value());
            if (!taken.isEmpty()) {
                return taken.get(0);
            }
        }
        return new Claim.InProgress();
    }

    void complete(UUID userId, IdempotencyKey key, StoredResponse response) {
        jdbc.update(
                "UPDATE idempotency_keys SET status = ?, headers = ?, body = ? WHERE user_id = ? AND idempotency_key = ?",
                response.status(),
                json(response.headers()),
                response.body(),
                userId,
                key.value());
    }

    /** Frees the key of a request that ended without an outcome worth repeating, so that a retry is served afresh. */
    void release(UUID userId, IdempotencyKey key) {
        jdbc.update(
                "DELETE FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ? AND status IS NULL",
                userId,
                key.value());
    }

    /** Deletes at most {@code limit} keys expired before {@code now}; how many it deleted. */
    int deleteExpired(Instant now, int limit) {
        return jdbc.update("""
                DELETE FROM idempotency_keys WHERE ctid IN (
                    SELECT ctid FROM idempotency_keys WHERE expires_at <= ? LIMIT ?)""", Timestamp.from(now), limit);
    }

    private String json(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write response headers", e);
        }
    }

    private Map<String, String> headers(String stored) {
        try {
            return json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored response headers", e);
        }
    }
}
