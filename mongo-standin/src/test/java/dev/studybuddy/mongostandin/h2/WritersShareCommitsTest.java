package dev.studybuddy.mongostandin.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.MongoStandIn;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under steady load from many writers one commit serves every writer whose command finished before it began:
 * far fewer commits than writes, and still every write acknowledged only once committed.
 */
class WritersShareCommitsTest {

    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 150;

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
    void concurrentWritersShareCommits(@TempDir Path directory) throws Exception {
        IndexedH2Backend backend =
                new IndexedH2Backend(directory.resolve("standin.h2").toString());
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, MongoStandIn.EVENT_LOOPS);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?maxPoolSize=" + WRITERS);
        MongoCollection<Document> events = client.getDatabase("store").getCollection("events");
        events.insertOne(new Document("_id", "warm-up"));
        long versionBefore = backend.getMvStore().getCurrentVersion();

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                String prefix = "writer-" + writer + "-";
                done.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < WRITES_EACH; i++) {
                                events.insertOne(new Document("_id", prefix + i));
                            }
                        },
                        writers));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }

        long commits = backend.getMvStore().getCurrentVersion() - versionBefore;
        assertThat(events.countDocuments()).isEqualTo(1 + WRITERS * WRITES_EACH);
        assertThat(backend.getMvStore().hasUnsavedChanges())
                .as("every acknowledged write is committed")
                .isFalse();
        assertThat(commits).as("commits for %d writes", WRITERS * WRITES_EACH).isLessThan(WRITERS * WRITES_EACH / 2);
    }
}
