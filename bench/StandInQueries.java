import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.studybuddy.mongostandin.h2.IndexedH2Backend;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The event store's queries against the MongoDB stand-in, mongo-java-server's own backend (the baseline, measured
 * in the same run) against this project's indexed one, at growing numbers of stored events; and the cost of
 * durable writes (commit before the answer) against H2Backend's background commit. Run by bench/standin-queries.
 */
public class StandInQueries {

    private static final int AGGREGATES = 1_000;
    /** Conversations of the chat views measured, as the growth benchmark's 10 groups. */
    private static final int CHATS = 10;
    private static final long MAX_NANOS_PER_QUERY_KIND = 5_000_000_000L;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("sizes", "10000 100000").trim().split("\\s+"))
                .filter(size -> !size.isEmpty()).map(Integer::valueOf).toList();
        System.out.printf("%-9s %-24s %-10s %12s %12s %12s%n", "events", "query", "backend", "mean ms", "p99 ms", "ops/s");
        for (int size : sizes) {
            double[] plain = run(size, new MemoryBackend(), "scan");
            double[] indexed = run(size, new IndexedMemoryBackend(), "indexed");
            String[] kinds = {"aggregate load", "tracking poll (100)", "last sequence number", "chat page (50)",
                    "poll, 500 known (100)", "count last 10,000", "view upsert", "pinned (50 of a chat)",
                    "audit page, or only (100)", "audit page, bounded (100)"};
            for (int i = 0; i < kinds.length; i++) {
                System.out.printf("%-9d %-24s %-10s %12s %12s %12.1fx faster%n", size, kinds[i], "ratio", "", "",
                        plain[i] / indexed[i]);
            }
        }
        durableWrites();
        concurrentWrites(Integer.getInteger("writers", 16));
    }

    /** Returns the mean milliseconds of each kind of query. */
    private static double[] run(int size, MongoBackend backend, String name) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"));
            events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("timestamp", "sequenceNumber", "eventIdentifier")); // platform's trackingFetchIndex
            seed(events, size);
            MongoCollection<Document> views = client.getDatabase("bench").getCollection("chat_messages");
            chatViewIndexes(views);
            MongoCollection<Document> chats = client.getDatabase("bench").getCollection("chats");
            chatViewIndexes(chats);
            seedChats(chats, size);
            Random random = new Random(1);
            List<List<String>> knownWindows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int from = random.nextInt(size - 700);
                List<String> known = new ArrayList<>();
                for (int id = from; id < from + 500; id++) {
                    known.add("event-" + id);
                }
                knownWindows.add(known);
            }
            int[] upserted = {0};
            return new double[]{
                    measure(size, name, "aggregate load", () -> {
                        int aggregate = random.nextInt(AGGREGATES);
                        long from = Math.max(0, size / AGGREGATES - 20);
                        return count(events.find(Filters.and(Filters.eq("aggregateIdentifier", "group-" + aggregate),
                                Filters.gte("sequenceNumber", from))).sort(Sorts.ascending("sequenceNumber")).batchSize(100).iterator());
                    }),
                    measure(size, name, "tracking poll (100)", () -> {
                        try (MongoCursor<Document> cursor = events.find(Filters.and(Filters.gte("timestamp", timestamp(random.nextInt(size))),
                                        Filters.nin("eventIdentifier", List.of("a", "b"))))
                                .sort(Sorts.ascending("timestamp", "sequenceNumber")).batchSize(100).iterator()) {
                            int read = 0;
                            while (read < 100 && cursor.hasNext()) {
                                cursor.next();
                                read++;
                            }
                            return read;
                        }
                    }),
                    measure(size, name, "last sequence number", () -> count(events.find(
                                    Filters.eq("aggregateIdentifier", "group-" + random.nextInt(AGGREGATES)))
                            .sort(Sorts.descending("sequenceNumber")).limit(1).iterator())),
                    measure(size, name, "chat page (50)", () -> count(events.find(Filters.and(
                                    Filters.eq("aggregateIdentifier", "group-" + random.nextInt(AGGREGATES)),
                                    Filters.lt("sequenceNumber", (long) (size / AGGREGATES))))
                            .sort(Sorts.descending("sequenceNumber")).limit(50).iterator())),
                    // as Axon polls: from the oldest event the token knows, every event of its look-back window named
                    measure(size, name, "poll, 500 known (100)", () -> {
                        List<String> known = knownWindows.get(random.nextInt(knownWindows.size()));
                        int from = Integer.parseInt(known.get(0).substring("event-".length()));
                        return count(events.find(Filters.and(Filters.gte("timestamp", timestamp(from)),
                                        Filters.nin("eventIdentifier", known)))
                                .sort(Sorts.ascending("timestamp", "sequenceNumber")).limit(100).iterator());
                    }),
                    // a projection status: the events after a segment's position
                    measure(size, name, "count last 10,000", () -> (int) events.countDocuments(
                            Filters.gt("timestamp", timestamp(Math.max(0, size - 10_000))))),
                    // the chat projection's write of a posted message
                    measure(size, name, "view upsert", () -> {
                        int seq = upserted[0]++;
                        String conversation = "group-" + seq % 10;
                        Document message = new Document("conversationId", conversation).append("seq", (long) seq)
                                .append("changeSeq", (long) seq).append("messageId", "message-" + seq)
                                .append("senderId", "user-" + seq % 20).append("body", "message number " + seq)
                                .append("mentions", List.of()).append("replyTo", null).append("attachments", List.of())
                                .append("postedAt", new java.util.Date()).append("editedAt", null)
                                .append("deletedAt", null).append("deleted", false);
                        return (int) views.updateOne(Filters.eq("_id", conversation + ":" + seq),
                                new Document("$setOnInsert", message),
                                new com.mongodb.client.model.UpdateOptions().upsert(true)).getMatchedCount();
                    }),
                    // a group's pinned messages: its conversation's messages with those ids (query-side's ChatPins)
                    measure(size, name, "pinned (50 of a chat)", () -> {
                        String conversation = "group-" + random.nextInt(CHATS);
                        List<String> pinned = new ArrayList<>();
                        for (int pin = 0; pin < 50; pin++) {
                            pinned.add("message-" + random.nextInt(size / CHATS));
                        }
                        return count(messagesWithIds(chats, conversation, pinned));
                    }),
                    // a page of the global stream after a cursor (platform's StoredEvents.page): the keyset condition
                    // alone, as before, and with the bound on the time that an index can walk from
                    measure(size, name, "audit page, or only (100)", () -> count(auditPage(events, random.nextInt(size), false))),
                    measure(size, name, "audit page, bounded (100)", () -> count(auditPage(events, random.nextInt(size), true))),
            };
        } finally {
            server.shutdownNow();
        }
    }

    /** The chat projection's indexes (query-side's ChatViews). */
    private static void chatViewIndexes(MongoCollection<Document> views) {
        views.createIndex(Indexes.ascending("conversationId", "seq"), new IndexOptions().unique(true));
        views.createIndex(Indexes.ascending("conversationId", "changeSeq"));
        views.createIndex(Indexes.ascending("conversationId", "messageId"));
        views.createIndex(Indexes.ascending("attachments"));
        views.createIndex(Indexes.ascending("senderId", "conversationId", "seq"));
        views.createIndex(Indexes.ascending("reactions.users"));
    }

    private static MongoCursor<Document> messagesWithIds(MongoCollection<Document> chats, String conversation, List<String> ids) {
        return chats.find(Filters.and(Filters.eq("conversationId", conversation), Filters.in("messageId", ids))).iterator();
    }

    private static MongoCursor<Document> auditPage(MongoCollection<Document> events, int after, boolean bounded) {
        String time = timestamp(after);
        long sequence = after / AGGREGATES;
        org.bson.conversions.Bson keyset = Filters.or(
                Filters.gt("timestamp", time),
                Filters.and(Filters.eq("timestamp", time), Filters.gt("sequenceNumber", sequence)),
                Filters.and(Filters.eq("timestamp", time), Filters.eq("sequenceNumber", sequence),
                        Filters.gt("eventIdentifier", "event-" + after)));
        return events.find(bounded ? Filters.and(Filters.gte("timestamp", time), keyset) : keyset)
                .sort(Sorts.ascending("timestamp", "sequenceNumber", "eventIdentifier")).limit(101).iterator();
    }

    /** As many chat messages as events, in CHATS conversations. */
    private static void seedChats(MongoCollection<Document> chats, int size) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(new Document("conversationId", "group-" + (i % CHATS)).append("seq", (long) (i / CHATS))
                    .append("changeSeq", (long) (i / CHATS)).append("messageId", "message-" + (i / CHATS))
                    .append("senderId", "user-" + i % 20).append("body", "message number " + i));
            if (batch.size() == 1000) {
                chats.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            chats.insertMany(batch);
        }
    }

    private static void seed(MongoCollection<Document> events, int size) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(new Document("aggregateIdentifier", "group-" + (i % AGGREGATES))
                    .append("sequenceNumber", (long) (i / AGGREGATES)).append("timestamp", timestamp(i))
                    .append("eventIdentifier", "event-" + i).append("type", "Group")
                    .append("payloadType", "dev.studybuddy.api.group.GroupMessagePosted")
                    .append("serializedPayload", "{\"body\":\"message number " + i + " of the benchmark\"}"));
            if (batch.size() == 1000) {
                events.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch);
        }
    }

    private static String timestamp(int i) {
        return String.format("2026-12-%02dT%02d:%02d:%02d.%03dZ", 1 + i / 86_400_000, i / 3_600_000 % 24,
                i / 60_000 % 60, i / 1000 % 60, i % 1000);
    }

    private static double measure(int size, String backend, String kind, Supplier<Integer> query) {
        for (int i = 0; i < 20; i++) {
            query.get();
        }
        List<Long> nanos = new ArrayList<>();
        long started = System.nanoTime();
        while (nanos.size() < 2000 && System.nanoTime() - started < MAX_NANOS_PER_QUERY_KIND) {
            long start = System.nanoTime();
            query.get();
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        double p99 = nanos.get((int) Math.min(nanos.size() - 1, Math.ceil(nanos.size() * 0.99) - 1)) / 1e6;
        System.out.printf("%-9d %-24s %-10s %12.3f %12.3f %12.0f%n", size, kind, backend, mean, p99, 1000 / mean);
        return mean;
    }

    private static int count(MongoCursor<Document> cursor) {
        int n = 0;
        try (cursor) {
            while (cursor.hasNext()) {
                cursor.next();
                n++;
            }
        }
        return n;
    }

    /** One writer, one document per insert: H2Backend (commits in the background) against IndexedH2Backend (commits first). */
    private static void durableWrites() throws Exception {
        Path dir = Files.createTempDirectory("standin-bench");
        double background = inserts(new H2Backend(dir.resolve("background.h2").toString()), "H2Backend (background commit)");
        double durable = inserts(new IndexedH2Backend(dir.resolve("durable.h2").toString()), "IndexedH2Backend (commit, then answer)");
        System.out.printf("durable writes: %.2fx the background-commit insert time%n", durable / background);
    }

    /**
     * Many writers at once, as the services write under load (events, tokens, view documents): H2Backend
     * (background commit) against IndexedH2Backend, whose writers share commits.
     */
    private static void concurrentWrites(int writers) throws Exception {
        Path dir = Files.createTempDirectory("standin-bench");
        double background = concurrentInserts(new H2Backend(dir.resolve("background-many.h2").toString()),
                "H2Backend (background commit)", writers);
        double durable = concurrentInserts(new IndexedH2Backend(dir.resolve("durable-many.h2").toString()),
                "IndexedH2Backend (commit, then answer)", writers);
        System.out.printf("%d writers: durable writes carry %.2fx the background-commit inserts/s%n", writers,
                durable / background);
    }

    private static double concurrentInserts(MongoBackend backend, String name, int writers) throws Exception {
        MongoServer server = new MongoServer(backend);
        server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 1, dev.studybuddy.mongostandin.MongoStandIn.EVENT_LOOPS);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"));
            seed(events, 10_000);
            MongoCollection<Document> tokens = client.getDatabase("bench").getCollection("trackingtokens");
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
            long seconds = Long.getLong("writeSeconds", 5);
            List<Thread> threads = new ArrayList<>();
            long deadline = System.nanoTime() + (seconds + 1) * 1_000_000_000L;
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    long i = 0;
                    while (System.nanoTime() < deadline) {
                        if (writer % 2 == 0) {
                            events.insertOne(new Document("aggregateIdentifier", "writer-" + writer).append("sequenceNumber", i)
                                    .append("timestamp", timestamp((int) (20_000 + i))).append("serializedPayload",
                                            "{\"body\":\"" + "x".repeat(400) + i + "\"}"));
                        } else {
                            tokens.replaceOne(Filters.eq("_id", "segment-" + writer), new Document("_id", "segment-" + writer)
                                    .append("token", "{\"position\":" + i + "}"), new com.mongodb.client.model.ReplaceOptions().upsert(true));
                        }
                        i++;
                        if (measuring.get()) {
                            done.incrementAndGet();
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(1000);
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000);
            long writes = done.get();
            double perSecond = writes / ((System.nanoTime() - start) / 1e9);
            for (Thread thread : threads) {
                thread.join();
            }
            System.out.printf("%d writers, %s: %.0f writes/s%n", writers, name, perSecond);
            return perSecond;
        } finally {
            server.shutdownNow();
        }
    }

    private static double inserts(MongoBackend backend, String name) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                events.insertOne(new Document("aggregateIdentifier", "warm").append("sequenceNumber", (long) i));
            }
            int count = 3000;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                events.insertOne(new Document("aggregateIdentifier", "group").append("sequenceNumber", (long) i)
                        .append("serializedPayload", "{\"body\":\"message " + i + "\"}"));
            }
            double mean = (System.nanoTime() - start) / 1e6 / count;
            System.out.printf("insertOne x %d, %s: %.3f ms each%n", count, name, mean);
            return mean;
        } finally {
            server.shutdownNow();
        }
    }
}
