package dev.studybuddy.mongostandin.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer's answer waits for the commit of its changes; a reader's does not: with a commit held up, a find
 * answers while the insert that started the commit still waits, and the insert answers once the commit is done.
 */
class ReadsDoNotWaitForCommitsTest {

    private final AtomicBoolean holdCommits = new AtomicBoolean();
    private final CountDownLatch aCommitHeld = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        release.countDown();
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void aFindAnswersWhileAnInsertWaitsForItsCommit(@TempDir Path directory) throws Exception {
        server = new MongoServer(
                new IndexedH2Backend(directory.resolve("standin.h2").toString()) {
                    @Override
                    protected void commitChanges() {
                        if (holdCommits.get()) {
                            aCommitHeld.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        super.commitChanges();
                    }
                });
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        MongoCollection<Document> events = client.getDatabase("store").getCollection("events");
        events.insertOne(new Document("_id", "existing"));
        holdCommits.set(true);

        CompletableFuture<Void> insert = CompletableFuture.runAsync(() -> events.insertOne(new Document("_id", "new")));
        assertThat(aCommitHeld.await(10, TimeUnit.SECONDS))
                .as("the insert waits for its commit")
                .isTrue();
        CompletableFuture<Document> find = CompletableFuture.supplyAsync(
                () -> events.find(new Document("_id", "existing")).first());

        assertThat(find.get(10, TimeUnit.SECONDS))
                .as("the find answers during the commit")
                .isNotNull();
        assertThat(insert)
                .as("the insert is not acknowledged before its commit")
                .isNotDone();
        release.countDown();
        insert.get(10, TimeUnit.SECONDS);
        assertThat(events.countDocuments()).isEqualTo(2);
    }
}
