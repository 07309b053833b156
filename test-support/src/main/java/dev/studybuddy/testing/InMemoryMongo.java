package dev.studybuddy.testing;

import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.net.InetSocketAddress;

/**
 * The MongoDB stand-in for tests: one in-memory server per test JVM, reached over the wire by the
 * ordinary MongoDB driver, exactly as the services reach real MongoDB, with the same sorted indexes as the
 * local run's stand-in (so a query costs what its index walk costs, as on MongoDB).
 */
public final class InMemoryMongo {

    private static MongoServer server;

    private InMemoryMongo() {}

    public static synchronized String connectionString(String database) {
        if (server == null) {
            server = new MongoServer(new IndexedMemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "in-memory-mongo-shutdown"));
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
