package dev.studybuddy.platform.security;

import dev.studybuddy.platform.messaging.RetryingListenerContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * This node's map of userId → current security stamp. A user's stamp is read from the {@link AccountAuthority}
 * when the node first needs it, then kept current by the announcements command-side publishes on Redis pub/sub
 * after each change ({@link #announce}), so that every node refuses an outdated token within a moment of the
 * change without asking the authority on each request. Stamps only grow, so a late read never undoes an
 * announcement. An entry is trusted for {@code stamp-cache-ttl} only: that bounds what an announcement lost while
 * Redis was unreachable can cost. Each time the subscription is (re)established the map is emptied, since
 * announcements may have been missed meanwhile; it refills from the authority.
 */
public class SecurityStamps implements SmartLifecycle, MessageListener, SubscriptionListener {

    private static final Logger log = LoggerFactory.getLogger(SecurityStamps.class);

    private final AccountAuthority authority;
    private final RedisConnectionFactory connectionFactory;
    private final StringRedisTemplate redis;
    private final SecurityProperties properties;
    private final Map<UUID, Entry> stamps = new ConcurrentHashMap<>();
    private final List<BiConsumer<UUID, Long>> changeListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "security-stamp-announcer");
        thread.setDaemon(true);
        return thread;
    });
    private RetryingListenerContainer listener;
    private volatile boolean running;

    public SecurityStamps(AccountAuthority authority, RedisConnectionFactory connectionFactory,
                          SecurityProperties properties) {
        this.authority = authority;
        this.connectionFactory = connectionFactory;
        this.redis = new StringRedisTemplate(connectionFactory);
        this.properties = properties;
    }

    /**
     * The user's current stamp, from this node's map or else from the authority.
     *
     * @throws RuntimeException when it had to be read and the authority cannot be reached
     */
    public long current(UUID userId) {
        Entry entry = stamps.get(userId);
        if (entry != null && !entry.expired(properties.stampCacheTtl().toNanos())) {
            return entry.stamp();
        }
        return refresh(userId).stamp();
    }

    /** Reads the user's state from the authority (bypassing the map) and remembers its stamp. */
    public AccountSecurity refresh(UUID userId) {
        AccountSecurity account = authority.read(userId);
        learned(userId, account.stamp());
        return account;
    }

    /**
     * Called by the node that changed a stamp, once the change is committed: this node knows it at once, and
     * the others when the announcement reaches them over Redis.
     */
    public void announce(UUID userId, long stamp) {
        learned(userId, stamp);
        publisher.execute(() -> {
            try {
                redis.convertAndSend(properties.stampChannel(), userId + " " + stamp);
                if (failing.compareAndSet(true, false)) {
                    log.info("Announcing security stamps on Redis works again");
                }
            } catch (RuntimeException e) {
                if (failing.compareAndSet(false, true)) {
                    log.warn("Cannot announce security stamps on Redis; other nodes notice within {}: {}",
                            properties.stampCacheTtl(), e.toString());
                }
            }
        });
    }

    /**
     * {@code listener} is told each stamp this node learns (announced, or read from the authority), which may
     * be one it knew already: it compares with what it holds itself (an open session's token, say).
     */
    public void onChange(BiConsumer<UUID, Long> listener) {
        changeListeners.add(listener);
    }

    private void learned(UUID userId, long stamp) {
        if (stamps.size() >= properties.stampCacheSize()) {
            stamps.clear();
        }
        long now = System.nanoTime();
        Entry held = stamps.merge(userId, new Entry(stamp, now),
                (old, fresh) -> fresh.stamp() >= old.stamp() ? fresh : new Entry(old.stamp(), now));
        changeListeners.forEach(listener -> listener.accept(userId, held.stamp()));
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(" ");
        try {
            UUID userId = UUID.fromString(parts[0]);
            long stamp = Long.parseLong(parts[1]);
            learned(userId, stamp);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed security stamp announcement: {}", e.toString());
        }
    }

    /** The subscription is (re)established: whatever was announced while it was down is unknown, so start over. */
    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        stamps.clear();
        log.debug("Subscribed to security stamp announcements; the stamp map starts over");
    }

    @Override
    public void start() {
        listener = RetryingListenerContainer.listening("security stamps", connectionFactory, this, new ChannelTopic(properties.stampChannel()));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        publisher.shutdown();
        if (listener != null) {
            listener.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Entry(long stamp, long readAtNanos) {

        boolean expired(long ttlNanos) {
            return System.nanoTime() - readAtNanos > ttlNanos;
        }
    }
}
