package dev.studybuddy.platform.personaldata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.bson.Document;

/**
 * One data key per user in MongoDB ({@code personal_data_keys}, beside the event store's collections), each stored
 * wrapped with the key-encryption key, and a cache of the keys this node has read. An erased user's document is a
 * tombstone without key, so that no service ever gives them a new one; the tombstone is cached like a key, so a
 * replay that meets an erased user's events asks MongoDB once. A subject that has neither key nor tombstone is
 * not cached: its key may be created by command-side at any moment.
 *
 * <p>{@link #erasedAmong} asks the store, not the cache, but a subject the store found alive is taken for alive, on
 * this node, for {@link #CONFIRMED_ALIVE_FOR} from when the store was asked; {@link #destroy} returns only after
 * {@link #DESTRUCTION_SETTLES}, longer than that, and the erasure records its event after it. So whatever any node
 * took for alive without asking again had been asked before the tombstone could exist, and the erasure's event, and
 * every handler of it, comes after that window on every node (docs/adr/0019, "Asking once for a moment").
 */
public class PersonalDataKeys implements DataKeys {

    static final Duration CONFIRMED_ALIVE_FOR = Duration.ofMillis(900);
    static final Duration DESTRUCTION_SETTLES = Duration.ofSeconds(1);
    private static final String WRAPPED = "wrapped";
    private static final String ERASED_AT = "erasedAt";

    private final MongoCollection<Document> keys;
    private final KeyEncryptionKey kek;
    private final boolean createsKeys;
    private final Cache<UUID, Held> cache;
    // System.nanoTime() when the store was last asked and found the subject alive
    private final Cache<UUID, Long> askedAlive;
    private final Duration keptFor;

    /**
     * How long this node keeps a key it has read, unless an erasure evicts it; the other services' nodes are taken to
     * keep theirs as long (one {@code studybuddy.personal-data.cache-ttl} for all, as the deployment sets it).
     */
    public Duration keptFor() {
        return keptFor;
    }

    /** A key for {@code purpose} that every service derives alike from the key-encryption key. */
    public SecretKey derivedKey(String purpose) {
        return kek.derive(purpose);
    }

    public PersonalDataKeys(MongoDatabase database, PersonalDataProperties properties) {
        this.keptFor = properties.cacheTtl();
        this.keys = database.getCollection(properties.collection());
        this.kek = KeyEncryptionKey.of(properties.kek());
        this.createsKeys = properties.createsKeys();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheSize())
                .build();
        this.askedAlive = Caffeine.newBuilder()
                .expireAfterWrite(CONFIRMED_ALIVE_FOR)
                .maximumSize(properties.cacheSize())
                .build();
    }

    @Override
    public Optional<SecretKey> find(UUID subject) {
        Held held = cache.getIfPresent(subject);
        if (held == null) {
            held = read(subject);
            if (held == null) {
                return Optional.empty();
            }
            cache.put(subject, held);
        }
        return Optional.ofNullable(held.key());
    }

    @Override
    public Optional<SecretKey> forSealing(UUID subject) {
        Optional<SecretKey> found = find(subject);
        if (found.isPresent() || !createsKeys || erased(subject)) {
            return found;
        }
        return Optional.of(create(subject));
    }

    /** The subject's key, created if they have none; a new user's is created before their registration event. */
    public SecretKey create(UUID subject) {
        Optional<SecretKey> found = find(subject);
        if (found.isPresent()) {
            return found.get();
        }
        SecretKey key = Aes.newKey();
        try {
            keys.insertOne(new Document("_id", subject.toString())
                    .append(WRAPPED, Base64.getEncoder().encodeToString(kek.wrap(key)))
                    .append("createdAt", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node created it (or erased the subject) meanwhile: theirs counts
            cache.invalidate(subject);
            return find(subject)
                    .orElseThrow(() -> new IllegalStateException("user " + subject + " was erased; no new key"));
        }
        cache.put(subject, new Held(key));
        return key;
    }

    /**
     * Destroys the subject's key for good: its document becomes a tombstone, and every field sealed with it reads as
     * {@code null} from now on. Other nodes drop it from their caches when they hear of the erasure. Returns once no
     * node takes the subject for alive any more without asking the store ({@link #DESTRUCTION_SETTLES}): only then
     * may the erasure be recorded.
     */
    public void destroy(UUID subject) {
        keys.replaceOne(
                Filters.eq("_id", subject.toString()),
                new Document("_id", subject.toString()).append(ERASED_AT, new Date()),
                new ReplaceOptions().upsert(true));
        cache.put(subject, Held.ERASED);
        askedAlive.invalidate(subject);
        waitOut(DESTRUCTION_SETTLES);
    }

    /**
     * Those of the subjects erased by now: read from the store and not from this node's cache, which may still hold
     * the key of a subject erased a moment ago (it forgets it only when it hears of the erasure); a subject the store
     * found alive less than {@link #CONFIRMED_ALIVE_FOR} ago is not asked about again, nor one known to be erased (for
     * good).
     */
    public Set<UUID> erasedAmong(Collection<UUID> subjects) {
        long now = System.nanoTime();
        Set<UUID> erased = new HashSet<>();
        List<UUID> unsure = new ArrayList<>();
        for (UUID subject : subjects) {
            if (Held.ERASED.equals(cache.getIfPresent(subject))) {
                erased.add(subject);
            } else if (!askedAliveSince(subject, now - CONFIRMED_ALIVE_FOR.toNanos())) {
                unsure.add(subject);
            }
        }
        if (unsure.isEmpty()) {
            return erased;
        }
        long asked = System.nanoTime();
        keys.find(Filters.and(
                        Filters.in("_id", unsure.stream().map(UUID::toString).toList()), Filters.exists(ERASED_AT)))
                .projection(Projections.include("_id"))
                .forEach(tombstone -> erased.add(UUID.fromString(tombstone.getString("_id"))));
        for (UUID subject : unsure) {
            if (erased.contains(subject)) {
                cache.put(subject, Held.ERASED);
            } else {
                askedAlive.asMap().merge(subject, asked, Math::max);
            }
        }
        return erased;
    }

    /** Forgets what this node holds of the subject's key: the next use reads it again. */
    public void evict(UUID subject) {
        cache.invalidate(subject);
        askedAlive.invalidate(subject);
    }

    private boolean askedAliveSince(UUID subject, long since) {
        Long asked = askedAlive.getIfPresent(subject);
        return asked != null && asked - since > 0;
    }

    /** Sleeps through an interrupt too (and keeps it): returning early would let the erasure overtake the window. */
    private static void waitOut(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        boolean interrupted = false;
        for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean erased(UUID subject) {
        Held held = read(subject);
        return held != null && held.key() == null;
    }

    /** @return the stored key or tombstone, {@code null} if there is neither */
    private Held read(UUID subject) {
        Document document = keys.find(Filters.eq("_id", subject.toString())).first();
        if (document == null) {
            return null;
        }
        String wrapped = document.getString(WRAPPED);
        return wrapped == null
                ? Held.ERASED
                : new Held(kek.unwrap(Base64.getDecoder().decode(wrapped)));
    }

    /** A key, or {@code null} for an erased subject. */
    private record Held(SecretKey key) {
        static final Held ERASED = new Held(null);
    }
}
