package dev.studybuddy.mongostandin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill: the local run's stand-in, a process of its own, is killed (SIGKILL) in the middle of a burst of writes,
 * then started again on its file. Every write it acknowledged must be there, and its indexes must answer again.
 */
class KilledStandInKeepsAcknowledgedWritesIT {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesAKillMidBurst() throws Exception {
        Path dataFile = dataDir.resolve("standin.h2");
        int port = freePort();
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();

        Process standIn = start(dataFile, port);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> events = client.getDatabase("drill").getCollection("events");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"));
            Thread writers = new Thread(() -> {
                for (int i = 0; ; i++) {
                    try {
                        events.insertOne(new Document("_id", i)
                                .append("aggregateIdentifier", "group-" + (i % 5))
                                .append("sequenceNumber", (long) (i / 5)));
                        acknowledged.add(i);
                    } catch (RuntimeException stopped) {
                        return;
                    }
                }
            });
            writers.start();
            waitUntil(() -> acknowledged.size() >= 300);
            standIn.destroyForcibly().waitFor();
            writers.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        Process restarted = start(dataFile, port);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> events = client.getDatabase("drill").getCollection("events");
            Set<Integer> stored = new HashSet<>();
            events.find().forEach(document -> stored.add(document.getInteger("_id")));
            assertThat(stored).containsAll(acknowledged);

            List<Long> lastOfGroup = new ArrayList<>();
            events.find(Filters.eq("aggregateIdentifier", "group-1"))
                    .sort(Sorts.descending("sequenceNumber"))
                    .limit(1)
                    .forEach(document -> lastOfGroup.add(document.getLong("sequenceNumber")));
            long expectedLast = stored.stream()
                    .filter(id -> id % 5 == 1)
                    .mapToLong(id -> id / 5)
                    .max()
                    .orElseThrow();
            assertThat(lastOfGroup).containsExactly(expectedLast);
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    private static Process start(Path dataFile, int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoStandIn.class.getName(),
                        dataFile.toString(),
                        String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(
                        dataFile.resolveSibling("standin-" + port + ".log").toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!listening(port)) {
            assertThat(process.isAlive()).as("the stand-in is running").isTrue();
            assertThat(Instant.now()).as("the stand-in listens within a minute").isBefore(deadline);
            Thread.sleep(100);
        }
        return process;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(
                "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
