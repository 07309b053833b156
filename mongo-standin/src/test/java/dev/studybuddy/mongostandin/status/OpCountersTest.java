package dev.studybuddy.mongostandin.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serverStatus.opcounters} count each kind of operation as MongoDB does, on both backends. */
class OpCountersTest {

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

    private void countsEachKindOfOperation(MongoBackend backend) {
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("store");
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
