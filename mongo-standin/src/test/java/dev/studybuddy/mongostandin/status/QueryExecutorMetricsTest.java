package dev.studybuddy.mongostandin.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.h2.IndexedH2Backend;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serverStatus.metrics.queryExecutor.scannedObjects} counts the documents queries read, as MongoDB does: those
 * an index walk leads to, or every document of a scan.
 */
class QueryExecutorMetricsTest {

    private static final int STORED = 2_000;

    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void theMemoryBackendCountsDocumentsExamined() {
        countsDocumentsExamined(new IndexedMemoryBackend());
    }

    @Test
    void theH2BackendCountsDocumentsExamined(@TempDir Path directory) {
        countsDocumentsExamined(
                new IndexedH2Backend(directory.resolve("standin.h2").toString()));
    }

    private void countsDocumentsExamined(MongoBackend backend) {
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("store");
        MongoCollection<Document> events = database.getCollection("events");
        events.createIndex(Indexes.ascending("group", "seq"));
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < STORED; i++) {
            stored.add(new Document("_id", i)
                    .append("group", i % 10)
                    .append("seq", i / 10)
                    .append("tag", "t" + i));
        }
        events.insertMany(stored);

        assertThat(examined(
                        database,
                        () -> events.find(Filters.and(Filters.eq("group", 3), Filters.gte("seq", 150)))
                                .sort(Sorts.ascending("seq"))
                                .into(new ArrayList<>())))
                .as("an index walk: the 50 documents in its bounds")
                .isEqualTo(50);
        assertThat(examined(
                        database,
                        () -> events.find(Filters.eq("group", 3))
                                .sort(Sorts.descending("seq"))
                                .limit(5)
                                .into(new ArrayList<>())))
                .as("a walk that gives the sort stops at the limit")
                .isEqualTo(5);
        assertThat(examined(database, () -> events.find(Filters.eq("_id", 7)).first()))
                .as("one document by its id")
                .isEqualTo(1);
        assertThat(examined(database, () -> events.find(Filters.eq("tag", "t7")).into(new ArrayList<>())))
                .as("a scan: every document")
                .isEqualTo(STORED);
    }

    private static long examined(MongoDatabase database, Runnable query) {
        long before = scannedObjects(database);
        query.run();
        return scannedObjects(database) - before;
    }

    private static long scannedObjects(MongoDatabase database) {
        Document status = database.runCommand(new Document("serverStatus", 1));
        return status.get("metrics", Document.class)
                .get("queryExecutor", Document.class)
                .getLong("scannedObjects");
    }
}
