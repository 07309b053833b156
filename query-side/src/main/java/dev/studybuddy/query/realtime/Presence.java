package dev.studybuddy.query.realtime;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who is looking at which conversation, published in Redis for notification-saga (its README,
 * "Presence"): the SET {@code studybuddy:presence:{userId}} holds {@code group:<groupId>} while one of
 * the user's sessions is subscribed to that group's topic and {@code direct:*} while one is subscribed
 * to {@code /user/queue/direct}. A member is added on SUBSCRIBE and removed when this node's last
 * session with it goes; every {@code presence-refresh-interval} the node adds again everything it holds
 * and sets the key to expire after {@code presence-ttl}, so a crashed node's entries vanish and an entry
 * another node removed too early comes back.
 * <p>
 * Redis is written from one thread of its own, in the order of the changes: a slow or absent Redis
 * delays presence, never a STOMP frame. Failures are logged; readers take "absent" as "not connected".
 */
@Component
class Presence {

    static final String KEY_PREFIX = "studybuddy:presence:";
    static final String ALL_DIRECT = "direct:*";

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final StringRedisTemplate redis;
    private final RealtimeProperties properties;
    /** What each subscription (session id, subscription id) of this node shows. */
    private final Map<SubscriptionKey, Entry> subscriptions = new HashMap<>();
    /** How many of this node's subscriptions show each entry. */
    private final Map<Entry, Integer> held = new HashMap<>();

    private PeriodicTask writer;

    Presence(StringRedisTemplate redis, RealtimeProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    static String keyOf(UUID userId) {
        return KEY_PREFIX + userId;
    }

    @PostConstruct
    void start() {
        writer = PeriodicTask.every(properties.presenceRefreshInterval(), "presence-writer", this::refresh)
                .finishingWithin(Duration.ofSeconds(5));
        writer.start();
    }

    /** The subscription is authorized: the user is present in the conversation. */
    synchronized void subscribed(String sessionId, String subscriptionId, UUID userId, String conversationId) {
        Entry entry = new Entry(userId, conversationId);
        Entry replaced = subscriptions.put(new SubscriptionKey(sessionId, subscriptionId), entry);
        if (replaced != null) {
            release(replaced);
        }
        held.merge(entry, 1, Integer::sum);
        write(() -> add(entry));
    }

    synchronized void unsubscribed(String sessionId, String subscriptionId) {
        Entry entry = subscriptions.remove(new SubscriptionKey(sessionId, subscriptionId));
        if (entry != null) {
            release(entry);
        }
    }

    @EventListener
    synchronized void disconnected(SessionDisconnectEvent event) {
        subscriptions.entrySet().removeIf(subscription -> {
            if (!subscription.getKey().sessionId().equals(event.getSessionId())) {
                return false;
            }
            release(subscription.getValue());
            return true;
        });
    }

    private void release(Entry entry) {
        Integer left = held.computeIfPresent(entry, (e, count) -> count == 1 ? null : count - 1);
        if (left == null) {
            write(() -> redis.opsForSet().remove(keyOf(entry.userId()), entry.conversationId()));
        }
    }

    private void add(Entry entry) {
        String key = keyOf(entry.userId());
        redis.opsForSet().add(key, entry.conversationId());
        redis.expire(key, properties.presenceTtl());
    }

    /** Adds again every entry this node holds and pushes each key's expiry out, in one round trip. */
    private void refresh() {
        Map<UUID, Set<String>> byUser = new HashMap<>();
        synchronized (this) {
            held.keySet()
                    .forEach(entry -> byUser.computeIfAbsent(entry.userId(), user -> new HashSet<>())
                            .add(entry.conversationId()));
        }
        if (byUser.isEmpty()) {
            return;
        }
        long ttl = properties.presenceTtl().toSeconds();
        guarded(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            byUser.forEach((user, conversations) ->
                    refresh(connection, keyOf(user).getBytes(StandardCharsets.UTF_8), conversations, ttl));
            return null;
        }));
    }

    private static void refresh(RedisConnection connection, byte[] key, Set<String> conversations, long ttl) {
        connection
                .setCommands()
                .sAdd(
                        key,
                        conversations.stream()
                                .map(c -> c.getBytes(StandardCharsets.UTF_8))
                                .toArray(byte[][]::new));
        connection.keyCommands().expire(key, ttl);
    }

    private void write(Runnable command) {
        try {
            writer.execute(() -> guarded(command));
        } catch (RejectedExecutionException e) {
            log.debug("Presence change after shutdown not written; the keys expire");
        }
    }

    private static void guarded(Runnable command) {
        try {
            command.run();
        } catch (RuntimeException e) {
            log.warn("Could not write presence to Redis; it is refreshed later and expires meanwhile", e);
        }
    }

    /** Takes this node's entries out of Redis on a graceful stop, rather than leaving them to expire. */
    @PreDestroy
    void stop() {
        synchronized (this) {
            held.keySet()
                    .forEach(entry ->
                            write(() -> redis.opsForSet().remove(keyOf(entry.userId()), entry.conversationId())));
            held.clear();
            subscriptions.clear();
        }
        writer.stop();
    }

    private record SubscriptionKey(String sessionId, String subscriptionId) {}

    private record Entry(UUID userId, String conversationId) {}
}
