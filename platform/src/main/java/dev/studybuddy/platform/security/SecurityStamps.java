package dev.studybuddy.platform.security;

import dev.studybuddy.platform.messaging.RetryingListenerContainer;
import dev.studybuddy.platform.scheduling.LifecyclePhases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;

/**
 * This node's map of userId → current security stamp. A user's stamp is read from the {@link AccountAuthority}
 * when the node first needs it, then kept current by the announcements command-side publishes on Redis pub/sub
 * after each change ({@link #announce}), so that every node refuses an outdated token within a moment of the
 * change without asking the authority on each request. Stamps only grow, so a late read never undoes an
 * announcement. The sessions a user ended one by one ({@code sid}s) travel the same way
 * ({@link #announceSessionEnded}). An announcement that cannot be published is tried again until it goes out
 * ({@link StampAnnouncer}). An entry is trusted for {@code stamp-cache-ttl} only: that bounds what an announcement lost
 * anyway (the announcing node gone before it could publish) can cost. Each time the subscription is
 * (re)established the map is emptied, since announcements may have been missed meanwhile; it refills from the
 * authority.
 */
public class SecurityStamps implements SmartLifecycle, MessageListener, SubscriptionListener {

    private static final Logger log = LoggerFactory.getLogger(SecurityStamps.class);
    /** The announcement "{@code <userId> session-ended <sessionId>}", beside "{@code <userId> <stamp>}". */
    private static final String SESSION_ENDED = "session-ended";
    /** The announcement "{@code <userId> erased}": every node forgets the user's personal data key (docs/adr/0019). */
    private static final String ERASED = "erased";

    private final AccountAuthority authority;
    private final RedisConnectionFactory connectionFactory;
    private final StringRedisTemplate redis;
    private final SecurityProperties properties;
    private final Map<UUID, Entry> stamps = new ConcurrentHashMap<>();
    private final List<BiConsumer<UUID, Long>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> erasureListeners = new CopyOnWriteArrayList<>();
    private final StampAnnouncer announcer;
    private RetryingListenerContainer listener;
    private volatile boolean running;
    private volatile Duration erasureHeardFor;

    public SecurityStamps(
            AccountAuthority authority, RedisConnectionFactory connectionFactory, SecurityProperties properties) {
        this.authority = authority;
        this.connectionFactory = connectionFactory;
        this.redis = new StringRedisTemplate(connectionFactory);
        this.properties = properties;
        this.announcer = new StampAnnouncer(redis, properties.stampChannel());
        this.erasureHeardFor = properties.stampCacheTtl();
    }

    /**
     * The user's current stamp, from this node's map or else from the authority.
     *
     * @throws RuntimeException when it had to be read and the authority cannot be reached
     */
    public long current(UUID userId) {
        return held(userId).stamp();
    }

    /**
     * Whether that session of the user was ended on its own ({@code null}: a token that names no session), from
     * this node's map or else from the authority.
     *
     * @throws RuntimeException when it had to be read and the authority cannot be reached
     */
    public boolean sessionEnded(UUID userId, UUID sessionId) {
        return sessionId != null && held(userId).endedSessions().contains(sessionId);
    }

    /** Reads the user's state from the authority (bypassing the map) and remembers its stamp and ended sessions. */
    public AccountSecurity refresh(UUID userId) {
        AccountSecurity account = authority.read(userId);
        learned(userId, account.stamp(), account.endedSessions());
        return account;
    }

    /**
     * Called by the node that changed a stamp, once the change is committed: this node knows it at once, and
     * the others when the announcement reaches them over Redis.
     */
    public void announce(UUID userId, long stamp) {
        learned(userId, stamp, Set.of());
        announcer.publish(userId + " " + stamp, properties.stampCacheTtl());
    }

    /**
     * Called by the node that ended one session of a user, once that is committed: like {@link #announce}, every
     * node refuses the session's access tokens within a moment. A node that holds no entry for the user learns it
     * from the authority when it next needs the user.
     */
    public void announceSessionEnded(UUID userId, UUID sessionId) {
        addEnded(userId, Set.of(sessionId));
        announcer.publish(userId + " " + SESSION_ENDED + " " + sessionId, properties.stampCacheTtl());
    }

    /**
     * Called by the node that erased a user, once that is committed: every node's {@link #onErased} listeners hear
     * of it within a moment (the erasure's own event moves the stamp, which {@link #announce} tells as ever).
     */
    public void announceErased(UUID userId) {
        erasureListeners.forEach(listener -> listener.accept(userId));
        announcer.publish(userId + " " + ERASED, erasureHeardFor);
    }

    /**
     * {@code listener} is told of every user erased, on whichever node the erasure happened; what it forgets it would
     * otherwise keep for {@code keptFor}, and an erasure's announcement is tried again for that long.
     */
    public void onErased(Consumer<UUID> listener, Duration keptFor) {
        erasureListeners.add(listener);
        if (keptFor.compareTo(erasureHeardFor) > 0) {
            erasureHeardFor = keptFor;
        }
    }

    private Entry held(UUID userId) {
        Entry entry = stamps.get(userId);
        if (entry != null && !entry.expired(properties.stampCacheTtl().toNanos())) {
            return entry;
        }
        AccountSecurity account = refresh(userId);
        return new Entry(account.stamp(), account.endedSessions(), System.nanoTime());
    }

    /**
     * {@code listener} is told each stamp this node learns (announced, or read from the authority), which may
     * be one it knew already: it compares with what it holds itself (an open session's token, say).
     */
    public void onChange(BiConsumer<UUID, Long> listener) {
        changeListeners.add(listener);
    }

    private void learned(UUID userId, long stamp, Set<UUID> endedSessions) {
        if (stamps.size() >= properties.stampCacheSize()) {
            stamps.clear();
        }
        Entry held = stamps.merge(userId, new Entry(stamp, endedSessions, System.nanoTime()), Entry::merge);
        changeListeners.forEach(listener -> listener.accept(userId, held.stamp()));
    }

    /** Only into an entry the node holds: one it does not hold is read from the authority, which knows the end. */
    private void addEnded(UUID userId, Set<UUID> endedSessions) {
        stamps.computeIfPresent(userId, (id, held) -> held.withEnded(endedSessions));
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(" ");
        try {
            UUID userId = UUID.fromString(parts[0]);
            if (ERASED.equals(parts[1])) {
                erasureListeners.forEach(listener -> listener.accept(userId));
            } else if (SESSION_ENDED.equals(parts[1])) {
                addEnded(userId, Set.of(UUID.fromString(parts[2])));
            } else {
                learned(userId, Long.parseLong(parts[1]), Set.of());
            }
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
        listener = RetryingListenerContainer.listening(
                "security stamps", connectionFactory, this, new ChannelTopic(properties.stampChannel()));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        announcer.stop();
        if (listener != null) {
            listener.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.AFTER_REQUESTS_BEFORE_REDIS;
    }

    /** The sessions ended on their own matter only at the stamp they were ended under. */
    private record Entry(long stamp, Set<UUID> endedSessions, long readAtNanos) {

        boolean expired(long ttlNanos) {
            return System.nanoTime() - readAtNanos > ttlNanos;
        }

        /** Stamps only grow, so a late read never undoes an announcement; at one stamp, ended sessions add up. */
        Entry merge(Entry fresh) {
            if (fresh.stamp() > stamp) {
                return fresh;
            }
            if (fresh.stamp() < stamp) {
                return new Entry(stamp, endedSessions, fresh.readAtNanos());
            }
            return withEnded(fresh.endedSessions()).withReadAt(fresh.readAtNanos());
        }

        Entry withEnded(Set<UUID> more) {
            if (endedSessions.containsAll(more)) {
                return this;
            }
            Set<UUID> all = new HashSet<>(endedSessions);
            all.addAll(more);
            return new Entry(stamp, Set.copyOf(all), readAtNanos);
        }

        Entry withReadAt(long nanos) {
            return new Entry(stamp, endedSessions, nanos);
        }
    }
}
