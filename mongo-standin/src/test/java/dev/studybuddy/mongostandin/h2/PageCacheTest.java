package dev.studybuddy.mongostandin.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's page cache: MVStore's is 16 MB unless told otherwise, and a working set that fits the stand-in's is
 * read from the file once at most. (A cache too small for the working set does not reliably show up as file reads:
 * the earlier form of this test, which required hundreds of them with a 1 MB cache, saw none in some runs: MVStore counts a
 * document at the running average of the sizes it has serialized, so what a cache holds depends on the writes before.)
 */
class PageCacheTest {

    private static final int DOCUMENTS = 4_000;
    private static final String BODY = "x".repeat(1_000);

    @Test
    void theStandInOpensItsFileWithItsOwnCacheOrTheOneItIsGiven(@TempDir Path directory) {
        assertThat(cacheMegabytesOf(
                        new IndexedH2Backend(directory.resolve("default.h2").toString())))
                .isEqualTo(IndexedH2Backend.DEFAULT_CACHE_MEGABYTES)
                .isGreaterThan(16);
        assertThat(cacheMegabytesOf(
                        new IndexedH2Backend(directory.resolve("given.h2").toString(), 32)))
                .isEqualTo(32);
    }

    @Test
    void aWorkingSetThatFitsTheCacheIsNotReadFromTheFileAgain(@TempDir Path directory) {
        long secondPass =
                fileReadsOfASecondPass(directory.resolve("large.h2"), IndexedH2Backend.DEFAULT_CACHE_MEGABYTES);

        // MVStore's background housekeeping may read a page or two of its own; a pass that misses reads hundreds
        assertThat(secondPass).isLessThan(20);
    }

    private static int cacheMegabytesOf(IndexedH2Backend backend) {
        try {
            return backend.getMvStore().getCacheSize();
        } finally {
            backend.close();
        }
    }

    /**
     * Writes the documents and closes the file, then reads them twice from a fresh open with the cache given, so that
     * the second pass' file reads are those of a cache that started empty, whatever the writes left in memory.
     */
    private static long fileReadsOfASecondPass(Path file, int cacheMegabytes) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", "event-" + i).append("body", BODY));
        }
        onFreshOpen(file, cacheMegabytes, (events, backend) -> {
            events.insertMany(documents);
            return 0L;
        });
        return onFreshOpen(file, cacheMegabytes, (events, backend) -> {
            readEveryDocument(events);
            long readsBefore = backend.getMvStore().getFileStore().getReadCount();
            readEveryDocument(events);
            return backend.getMvStore().getFileStore().getReadCount() - readsBefore;
        });
    }

    private static long onFreshOpen(
            Path file, int cacheMegabytes, BiFunction<MongoCollection<Document>, IndexedH2Backend, Long> action) {
        IndexedH2Backend backend = new IndexedH2Backend(file.toString(), cacheMegabytes);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 2);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            return action.apply(client.getDatabase("store").getCollection("events"), backend);
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private static void readEveryDocument(MongoCollection<Document> events) {
        for (int i = 0; i < DOCUMENTS; i++) {
            assertThat(events.find(Filters.eq("_id", "event-" + i)).first()).isNotNull();
        }
    }
}
