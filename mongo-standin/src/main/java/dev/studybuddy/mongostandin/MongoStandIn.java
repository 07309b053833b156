package dev.studybuddy.mongostandin;

import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.h2.IndexedH2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * For the local run only: a MongoDB-wire-compatible server that keeps its data in one H2 file, so a
 * restart keeps every event, answers a write only once it is in that file, and plans queries over sorted
 * indexes as MongoDB does (see the module's README). The services reach it as they would real MongoDB, through MONGODB_URI.
 *
 * <p>Usage: {@code java -jar mongo-standin.jar <data-file> [port] [cache-MB]} (port defaults to 27017, the page cache to
 * {@value IndexedH2Backend#DEFAULT_CACHE_MEGABYTES} MB).
 */
public final class MongoStandIn {

    /**
     * A writer's event loop waits for the commit of its write, and so do the other connections on that loop:
     * with one loop per connection or so, the writers that arrive during a commit all join the next one instead
     * of waiting behind a blocked loop to even send their commands (mongo-java-server's default is two per core).
     */
    public static final int EVENT_LOOPS = 64;

    private MongoStandIn() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: mongo-standin <data-file> [port] [cache-MB]");
            System.exit(2);
        }
        Path dataFile = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        int cacheMegabytes = args.length > 2 ? Integer.parseInt(args[2]) : IndexedH2Backend.DEFAULT_CACHE_MEGABYTES;
        Files.createDirectories(dataFile.getParent());

        IndexedH2Backend backend = new IndexedH2Backend(dataFile.toString(), cacheMegabytes);
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            backend.close();
                            stopped.countDown();
                        },
                        "mongo-standin-shutdown"));

        server.bind(new InetSocketAddress("127.0.0.1", port), 1, EVENT_LOOPS);
        System.out.println("mongo-standin listening on 127.0.0.1:" + port + ", data in " + dataFile + ", cache "
                + cacheMegabytes + " MB");
        stopped.await();
    }
}
