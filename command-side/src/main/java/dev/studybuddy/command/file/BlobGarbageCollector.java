package dev.studybuddy.command.file;

import dev.studybuddy.platform.files.BlobKeys;
import dev.studybuddy.platform.files.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes stored bytes nobody can reach any more: the content (and thumbnails) of hashes that no live
 * file uses, because their files were deleted or their upload was refused after the bytes were stored
 * (quota, a refused command). A hash an upload stored within the grace period is left alone, since its
 * file may be about to be registered. Each run locks the rows it removes ({@code SKIP LOCKED}), so
 * several command-side nodes sweep side by side without doing the same work. Runs every
 * {@code studybuddy.files.collection.interval} (10 min), on the periodic task {@link FilesConfiguration} declares.
 */
@Component
class BlobGarbageCollector {

    private static final Logger log = LoggerFactory.getLogger(BlobGarbageCollector.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlobStore blobs;
    private final UploadLimits limits;
    private final BlobCollection settings;
    private final Clock clock;

    BlobGarbageCollector(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            BlobStore blobs,
            UploadLimits limits,
            BlobCollection settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.blobs = blobs;
        this.limits = limits;
        this.settings = settings;
        this.clock = clock;
    }

    /** Called before an upload stores its bytes, committed on its own. */
    void storing(String contentHash) {
        jdbc.update("""
                INSERT INTO files.blobs (content_hash, last_stored_at) VALUES (?, ?)
                ON CONFLICT (content_hash) DO UPDATE SET last_stored_at = excluded.last_stored_at""", contentHash, Timestamp.from(clock.instant()));
    }

    void collectRegularly() {
        Instant storedBefore = clock.instant().minus(settings.grace());
        int removed = 0;
        int batch;
        do {
            batch = collect(storedBefore);
            removed += batch;
        } while (batch == settings.batchSize());
        if (removed > 0) {
            log.info("Removed the stored bytes of {} contents no live file uses", removed);
        }
    }

    /** Removes one batch of unused contents last stored before {@code storedBefore}; how many it removed. */
    int collect(Instant storedBefore) {
        Integer removed = transactions.execute(status -> {
            List<String> unused =
                    jdbc.queryForList("""
                    SELECT b.content_hash FROM files.blobs b
                    WHERE b.last_stored_at < ?
                      AND NOT EXISTS (SELECT 1 FROM files.stored_files f
                                      WHERE f.content_hash = b.content_hash AND f.deleted_at IS NULL)
                    ORDER BY b.last_stored_at LIMIT ? FOR UPDATE SKIP LOCKED""", String.class, Timestamp.from(storedBefore), settings.batchSize());
            for (String hash : unused) {
                remove(hash);
                jdbc.update("DELETE FROM files.blobs WHERE content_hash = ?", hash);
            }
            return unused.size();
        });
        return removed == null ? 0 : removed;
    }

    private void remove(String hash) {
        try {
            for (int pixels : limits.thumbnailSizes()) {
                blobs.delete(BlobKeys.thumbnail(hash, pixels));
            }
            blobs.delete(BlobKeys.content(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the blobs of " + hash + "; the next run tries again", e);
        }
    }
}
