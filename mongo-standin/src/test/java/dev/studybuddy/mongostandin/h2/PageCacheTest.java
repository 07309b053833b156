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
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page cache decides whether reading the same documents again touches the file: a working set that fits is read
 * from the file once at most, one that does not is read again on every pass.
 */
class PageCacheTest {

    private static final int DOCUMENTS = 4_000;
    private static final String BODY = "x".repeat(1_000);

    @Test
    void aWorkingSetThatFitsTheCacheIsNotReadFromTheFileAgain(@TempDir Path directory) {
        long fitting = fileReadsOfASecondPass(directory.resolve("large.h2"), IndexedH2Backend.DEFAULT_CACHE_MEGABYTES);
        long tooSmall = fileReadsOfASecondPass(directory.resolve("small.h2"), 1);

        // MVStore's background housekeeping may read a page or two of its own; a pass that misses reads hundreds
        assertThat(tooSmall).isGreaterThan(100);
        assertThat(fitting).isLessThan(tooSmall / 20);
    }

    private static long fileReadsOfASecondPass(Path file, int cacheMegabytes) {
        IndexedH2Backend backend = new IndexedH2Backend(file.toString(), cacheMegabytes);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 2);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> events = client.getDatabase("store").getCollection("events");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(new Document("_id", "event-" + i).append("body", BODY));
            }
            events.insertMany(documents);
            readEveryDocument(events);
            long readsBefore = backend.getMvStore().getFileStore().getReadCount();
            readEveryDocument(events);
            return backend.getMvStore().getFileStore().getReadCount() - readsBefore;
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
