package dev.studybuddy.query.presence;

import dev.studybuddy.query.projection.NodeIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Users' online status as every node sees it, in Redis:
 * <ul>
 *   <li>{@code studybuddy:online:{userId}}: a SORTED SET of the nodes holding a session of the user, each scored with
 *   the time its entry lapses (renewed every {@code refresh-interval}, lapsing after {@code connection-ttl}), so a
 *   crashed node's entry stops counting without anyone removing it;</li>
 *   <li>{@code studybuddy:last-active:{userId}}: the time (epoch ms) of the user's latest activity on any node;</li>
 *   <li>{@code studybuddy:presence-shown:{userId}}: the status last announced to the user's friends, swapped
 *   atomically, so that of several nodes noticing one change only one announces it;</li>
 *   <li>{@code studybuddy:presence-lapses}: a SORTED SET of the users connected somewhere, each scored with the time
 *   the latest of their connection entries lapses, so that some node announces the users of a node that crashed
 *   once their entries have lapsed.</li>
 * </ul>
 * Times are the nodes' clocks: nodes are expected to agree within a second or so.
 */
@Component
class PresenceBoard {

    static final String ONLINE = "studybuddy:online:";
    private static final String LAST_ACTIVE = "studybuddy:last-active:";
    static final String SHOWN = "studybuddy:presence-shown:";
    static final String LAPSES = "studybuddy:presence-lapses";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<String>> TAKE_LAPSED = (RedisScript) RedisScript.of("""
            local lapsed = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            if #lapsed > 0 then
                redis.call('ZREM', KEYS[1], unpack(lapsed))
            end
            return lapsed
            """, List.class);

    private static final RedisScript<Long> HELD_NOWHERE = RedisScript.of("""
            if redis.call('ZCOUNT', KEYS[1], ARGV[1], '+inf') == 0 then
                return redis.call('ZREM', KEYS[2], ARGV[2])
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final PresenceProperties properties;
    private final String node;
    private final Clock clock;

    PresenceBoard(StringRedisTemplate redis, PresenceProperties properties, NodeIdentity node) {
        this.redis = redis;
        this.properties = properties;
        this.node = node.id();
        this.clock = Clock.systemUTC();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * This node holds sessions of these users: renews their entries, in one round trip.
     *
     * @return those of the users that had been taken off the lapses (a node that renewed too late, after another
     *     announced them offline) or were not on them: their status is to be looked at again
     */
    List<UUID> connected(Collection<UUID> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        List<UUID> renewed = List.copyOf(users);
        double lapsesAt = now().plus(properties.connectionTtl()).toEpochMilli();
        long ttl = properties.connectionTtl().toSeconds();
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            renewed.forEach(user -> {
                strings.zAdd(ONLINE + user, lapsesAt, node);
                strings.expire(ONLINE + user, ttl);
                strings.zAdd(LAPSES, lapsesAt, user.toString(), ZAddArgs.empty().gt());
            });
            return null;
        });
        List<UUID> returned = new ArrayList<>();
        for (int i = 0; i < renewed.size(); i++) {
            if (Boolean.TRUE.equals(answers.get(3 * i + 2))) {
                returned.add(renewed.get(i));
            }
        }
        return returned;
    }

    /** The status last announced for each of the users, in their order (offline if none was). */
    List<PresenceStatus> shown(List<UUID> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            users.forEach(user -> strings.get(SHOWN + user));
            return null;
        });
        return answers.stream()
                .map(shown -> shown instanceof String name ? PresenceStatus.valueOf(name) : PresenceStatus.OFFLINE)
                .toList();
    }

    /**
     * Up to {@code lapsed-per-refresh} of the users whose every connection entry has lapsed by {@code at}, each once:
     * taken off the lapses in the same script, so that of several nodes sweeping at once only one gets each. A user
     * whose entry was renewed meanwhile scores after {@code at} and stays. The rest wait for the next sweep, so that a
     * crashed node's many users do not hold this node's presence writer for long.
     */
    List<UUID> takeLapsedBy(Instant at) {
        List<String> lapsed = redis.execute(
                TAKE_LAPSED,
                List.of(LAPSES),
                Long.toString(at.toEpochMilli()),
                Integer.toString(properties.lapsedPerRefresh()));
        return lapsed == null
                ? List.of()
                : lapsed.stream().map(UUID::fromString).toList();
    }

    /** This node's last session of the user has ended. */
    void disconnected(UUID user) {
        redis.opsForZSet().remove(ONLINE + user, node);
    }

    /**
     * Takes the user off the lapses if no node holds them any more (one script): there is no crash left to announce.
     * Called once their going offline has been announced, so that the sweep still does it should that fail.
     */
    void forgetIfHeldNowhere(UUID user) {
        redis.execute(
                HELD_NOWHERE, List.of(ONLINE + user, LAPSES), Long.toString(now().toEpochMilli()), user.toString());
    }

    void active(UUID user, Instant at) {
        redis.opsForValue().set(LAST_ACTIVE + user, Long.toString(at.toEpochMilli()), properties.lastSeenFor());
    }

    /** The users' presence as the board shows it, in their order (hiding is not the board's business). */
    List<UserPresence> read(List<UUID> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            users.forEach(user -> {
                strings.zCount(ONLINE + user, now.toEpochMilli(), Double.POSITIVE_INFINITY);
                strings.get(LAST_ACTIVE + user);
            });
            return null;
        });
        List<UserPresence> presences = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            boolean connected = (Long) answers.get(2 * i) > 0;
            Instant lastActive = answers.get(2 * i + 1) instanceof String millis
                    ? Instant.ofEpochMilli(Long.parseLong(millis))
                    : null;
            presences.add(new UserPresence(
                    users.get(i), PresenceStatus.of(connected, lastActive, now, properties.awayAfter()), lastActive));
        }
        return presences;
    }

    UserPresence read(UUID user) {
        return read(List.of(user)).get(0);
    }

    /** Records {@code status} as the one announced for the user; @return the one announced before (OFFLINE if none) */
    PresenceStatus swapShown(UUID user, PresenceStatus status) {
        String before = redis.opsForValue().getAndSet(SHOWN + user, status.name());
        redis.expire(SHOWN + user, properties.lastSeenFor());
        return before == null ? PresenceStatus.OFFLINE : PresenceStatus.valueOf(before);
    }
}
