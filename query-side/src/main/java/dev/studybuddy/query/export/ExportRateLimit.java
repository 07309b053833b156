package dev.studybuddy.query.export;

import dev.studybuddy.platform.web.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * At most {@code studybuddy.export.rate-limit.exports} exports per user in any {@code per} (3 an hour), counted in
 * Redis so that every query-side node counts the same ones: a sorted set per user of the exports started within the
 * window, scored by Redis's own clock (the nodes' clocks need not agree). Beyond it, 429 with {@code Retry-After}:
 * when the oldest export in the window leaves it. An export that could not start (503) gives its place back.
 * Redis unreachable: the export is admitted (logged) — a user's access to their own data outranks the limit, which
 * only protects the stores from one account asking again and again.
 */
@Component
class ExportRateLimit {

    private static final Logger log = LoggerFactory.getLogger(ExportRateLimit.class);
    private static final String KEY_PREFIX = "studybuddy:export-rate:";

    // KEYS[1] the user's set; ARGV: window (ms), limit, a member for this export. 0 = admitted, else ms to wait.
    private static final RedisScript<Long> ADMIT = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local window = tonumber(ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ExportProperties.RateLimit limit;

    ExportRateLimit(StringRedisTemplate redis, ExportProperties properties) {
        this.redis = redis;
        this.limit = properties.rateLimit();
    }

    /** @throws RateLimitedException (429 with {@code Retry-After}) when the user's exports in the window are spent */
    Admission admit(UUID userId) {
        String key = KEY_PREFIX + userId;
        String member = UUID.randomUUID().toString();
        Long wait;
        try {
            wait = redis.execute(
                    ADMIT,
                    List.of(key),
                    Long.toString(limit.per().toMillis()),
                    Integer.toString(limit.exports()),
                    member);
        } catch (DataAccessException e) {
            log.warn("Export of {} admitted without its rate limit: Redis did not answer ({})", userId, e.getMessage());
            return () -> {};
        }
        if (wait != null && wait > 0) {
            throw new RateLimitedException(Duration.ofMillis(wait));
        }
        return () -> giveBack(key, member);
    }

    private void giveBack(String key, String member) {
        try {
            redis.opsForZSet().remove(key, member);
        } catch (DataAccessException e) {
            log.warn("An export that did not start still counts against its user: {}", e.getMessage());
        }
    }

    /** An admitted export's place in the window, given back if it could not start after all. */
    @FunctionalInterface
    interface Admission {
        void giveBack();
    }
}
