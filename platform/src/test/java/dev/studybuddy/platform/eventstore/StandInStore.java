package dev.studybuddy.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import org.bson.Document;

/**
 * An in-memory stand-in with the services' event store engine on it, for one test, and what its queries read
 * ({@code serverStatus.metrics.queryExecutor}).
 */
final class StandInStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final StandInEngines.Store store;

    StandInStore(String database, int fetchBatchSize) {
        server = new MongoServer(new IndexedMemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/" + database;
        client = MongoClients.create(uri);
        store = StandInEngines.store(client, uri, fetchBatchSize);
    }

    StandInEngines.Store store() {
        return store;
    }

    /** {@code scannedObjects} (documents read) or {@code scanned} (index keys read) so far. */
    long queryExecutor(String metric) {
        Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
        return status.get("metrics", Document.class)
                .get("queryExecutor", Document.class)
                .getLong(metric);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
