package dev.studybuddy.mongostandin.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query walks the pages of the store's version it started on, so the chunks holding them must outlive the longest
 * query: MVStore's default keeps a freed chunk 45 s, and a full scan of a busy 1,000,000-event store took longer and
 * failed with "Chunk … not found".
 */
class StoreRetentionTest {

    private static final int MVSTORE_DEFAULT_RETENTION_MILLIS = 45_000;

    @Test
    void theStandInKeepsFreedChunksLongerThanMvStoreDoes(@TempDir Path directory) {
        IndexedH2Backend backend =
                new IndexedH2Backend(directory.resolve("store.h2").toString());
        try {
            assertThat(backend.getMvStore().getRetentionTime())
                    .isEqualTo(IndexedH2Backend.RETENTION_MILLIS)
                    .isGreaterThan(MVSTORE_DEFAULT_RETENTION_MILLIS);
        } finally {
            backend.close();
        }
    }
}
