package dev.studybuddy.mongostandin.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.h2.IndexedH2Backend;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stand-in adds to {@code serverStatus}, as MongoDB answers it, on both backends: {@code opcounters} count each
 * kind of operation, and {@code metrics.queryExecutor.scannedObjects} the documents queries read (those an index walk
 * leads to, or every document of a scan).
 */
class ServerStatusTest {

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
    void theMemoryBackendCountsOperations() {
        countsEachKindOfOperation(new IndexedMemoryBackend());
    }

    @Test
    void theH2BackendCountsOperations(@TempDir Path directory) {
        countsEachKindOfOperation(
                new IndexedH2Backend(directory.resolve("standin.h2").toString()));
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

    private MongoDatabase start(MongoBackend backend) {
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        return client.getDatabase("store");
    }

    private void countsEachKindOfOperation(MongoBackend backend) {
        MongoDatabase database = start(backend);
        MongoCollection<Document> events = database.getCollection("events");

        assertThat(delta(
                        database,
                        () -> events.insertMany(
                                List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)))))
                .containsEntry("insert", 3L)
                .containsEntry("query", 0L)
                .containsEntry("update", 0L);
        assertThat(delta(database, () -> events.find(Filters.eq("_id", 2)).first()))
                .containsEntry("query", 1L)
                .containsEntry("insert", 0L);
        assertThat(delta(database, () -> events.find().batchSize(1).into(new ArrayList<>())))
                .containsEntry("query", 1L)
                .containsEntry("getmore", 2L);
        assertThat(delta(
                        database,
                        () -> events.bulkWrite(List.of(
                                new UpdateOneModel<>(Filters.eq("_id", 1), Updates.set("seen", true)),
                                new UpdateOneModel<>(Filters.eq("_id", 2), Updates.set("seen", true))))))
                .containsEntry("update", 2L);
        assertThat(delta(database, () -> events.deleteOne(Filters.eq("_id", 3))))
                .containsEntry("delete", 1L)
                .containsEntry("update", 0L);
        // countDocuments is an aggregate: a command, as MongoDB counts it; so is serverStatus itself (and the driver's
        // heartbeats, whenever one falls in between)
        Document counting = delta(database, () -> events.countDocuments());
        assertThat(counting).containsEntry("query", 0L);
        assertThat(counting.getLong("command")).isGreaterThanOrEqualTo(2L);
    }

    private void countsDocumentsExamined(MongoBackend backend) {
        MongoDatabase database = start(backend);
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

        Bson group3 = Filters.eq("group", 3);
        assertThat(examined(database, () -> events.countDocuments(group3)))
                .as("a count the index answers reads no document")
                .isZero();
        assertThat(keysExamined(database, () -> events.countDocuments(group3)))
                .as("... but every key in its bounds")
                .isEqualTo(STORED / 10);
        CountOptions capped = new CountOptions().limit(20);
        assertThat(keysExamined(database, () -> events.countDocuments(group3, capped)))
                .as("a capped count: the keys up to its cap")
                .isEqualTo(20);
        assertThat(examined(database, () -> events.countDocuments(group3, capped)))
                .as("... and no document")
                .isZero();
        assertThat(keysExamined(
                        database,
                        () -> events.find(Filters.eq("group", 3))
                                .sort(Sorts.descending("seq"))
                                .limit(5)
                                .into(new ArrayList<>())))
                .as("a walk that gives the sort reads its keys up to the limit")
                .isEqualTo(5);
    }

    private static long examined(MongoDatabase database, Runnable query) {
        return added(database, "scannedObjects", query);
    }

    private static long keysExamined(MongoDatabase database, Runnable query) {
        return added(database, "scanned", query);
    }

    private static long added(MongoDatabase database, String metric, Runnable query) {
        long before = queryExecutor(database, metric);
        query.run();
        return queryExecutor(database, metric) - before;
    }

    private static long queryExecutor(MongoDatabase database, String metric) {
        Document status = database.runCommand(new Document("serverStatus", 1));
        return status.get("metrics", Document.class)
                .get("queryExecutor", Document.class)
                .getLong(metric);
    }

    /** What one action added to each counter, read with {@code serverStatus} before and after it. */
    private static Document delta(MongoDatabase database, Runnable action) {
        Document before = opcounters(database);
        action.run();
        Document after = opcounters(database);
        Document delta = new Document();
        after.forEach((name, value) -> delta.put(name, (Long) value - (Long) before.get(name)));
        return delta;
    }

    private static Document opcounters(MongoDatabase database) {
        return database.runCommand(new Document("serverStatus", 1)).get("opcounters", Document.class);
    }
}
