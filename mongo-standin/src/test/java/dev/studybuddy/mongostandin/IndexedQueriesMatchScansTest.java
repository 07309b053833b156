package dev.studybuddy.mongostandin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.studybuddy.mongostandin.h2.IndexedH2Backend;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexed backends must answer every query exactly as mongo-java-server's scan does: the same documents, in an
 * order the sort allows, the same counts, and the same collection after every update and delete. Random documents
 * (missing fields, nulls, mixed number types, arrays, dates, subdocuments and lists of them under an index on a path
 * into them), random filters, sorts, skips, limits and batch sizes.
 */
class IndexedQueriesMatchScansTest {

    private static final long SEED = Long.getLong("standin.seed", 20261202L);
    private static final List<String> WORDS = List.of("ant", "bee", "cat", "dog", "eel", "fox");

    private static final List<MongoServer> servers = new ArrayList<>();
    private static final List<MongoClient> clients = new ArrayList<>();
    private static MongoCollection<Document> scanned;
    private static MongoCollection<Document> indexedInMemory;
    private static MongoCollection<Document> indexedInH2;

    private final Random random = new Random(SEED);
    private int nextUnique;

    @BeforeAll
    static void startServers() {
        scanned = collectionOn(new MemoryBackend());
        indexedInMemory = collectionOn(new IndexedMemoryBackend());
        indexedInH2 = collectionOn(new IndexedH2Backend(null));
    }

    @AfterAll
    static void stopServers() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void randomQueriesUpdatesAndDeletesAnswerAsTheScanDoes() {
        for (MongoCollection<Document> collection : all()) {
            collection.createIndex(Indexes.ascending("a", "b"));
            collection.createIndex(Indexes.ascending("c", "ts"));
            collection.createIndex(Indexes.ascending("tags"));
            collection.createIndex(Indexes.compoundIndex(Indexes.descending("b"), Indexes.ascending("u")));
            collection.createIndex(Indexes.ascending("d"));
            collection.createIndex(Indexes.ascending("u"), new IndexOptions().unique(true));
            collection.createIndex(Indexes.ascending("s.k", "b"));
            // a $nin on the last field is decided from the keys of these (a string or, for tags, an element)
            collection.createIndex(Indexes.ascending("ts", "c"));
            collection.createIndex(Indexes.ascending("d", "tags"));
        }
        for (int i = 0; i < 300; i++) {
            insert();
        }
        int queries = 0;
        for (int round = 0; round < 1000; round++) {
            int action = random.nextInt(20);
            if (action < 3) {
                insert();
            } else if (action == 3) {
                Bson filter = randomFilter();
                Bson update = randomUpdate();
                all().forEach(collection -> collection.updateMany(filter, update));
                assertSameContents();
            } else if (action == 4 && random.nextInt(3) == 0) {
                // one word's documents at most, so that a run keeps enough documents to query
                Bson filter = Filters.and(Filters.eq("c", valueFor("c")), randomCondition());
                all().forEach(collection -> collection.deleteMany(filter));
                assertSameContents();
            } else {
                assertSameAnswers(
                        randomFilter(),
                        randomSort(),
                        random.nextInt(4) == 0 ? random.nextInt(5) : 0,
                        random.nextInt(3) == 0 ? 1 + random.nextInt(10) : 0,
                        random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0);
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(600);
        assertThat(scanned.countDocuments()).isGreaterThan(50);
    }

    @Test
    void aWalkThatGivesTheSortReadsOnThroughGetMore() {
        MongoCollection<Document> events =
                indexedInMemory.getNamespace().getCollectionName().equals("events")
                        ? indexedInMemory
                        : clients.get(1).getDatabase("walk").getCollection("events");
        events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"));
        for (int i = 0; i < 1000; i++) {
            events.insertOne(
                    new Document("timestamp", String.format("2026-12-02T10:%02d:%02d.000Z", i / 60 % 60, i % 60))
                            .append("sequenceNumber", (long) i)
                            .append("aggregateIdentifier", "g" + (i % 7)));
        }
        List<Long> seen = new ArrayList<>();
        events.find(Filters.gte("timestamp", "2026-12-02T10:05:00.000Z"))
                .sort(new Document("timestamp", 1).append("sequenceNumber", 1))
                .batchSize(7)
                .forEach(document -> seen.add(document.getLong("sequenceNumber")));
        assertThat(seen).hasSize(700).isSorted().startsWith(300L);
    }

    private void assertSameAnswers(Bson filter, Document sort, int skip, int limit, int batchSize) {
        List<Document> expectedAll = new ArrayList<>();
        scanned.find(filter).sort(sort).forEach(expectedAll::add);
        List<Document> expected = expectedAll.subList(
                Math.min(skip, expectedAll.size()),
                limit == 0 ? expectedAll.size() : Math.min(expectedAll.size(), skip + limit));
        for (MongoCollection<Document> indexed : List.of(indexedInMemory, indexedInH2)) {
            FindIterable<Document> find =
                    indexed.find(filter).sort(sort).skip(skip).limit(limit);
            if (batchSize > 0) {
                find = find.batchSize(batchSize);
            }
            List<Document> actual = new ArrayList<>();
            find.forEach(actual::add);
            String what = "filter " + filter + ", sort " + sort + ", skip " + skip + ", limit " + limit + ", batch "
                    + batchSize;
            assertThat(actual).as(what).hasSameSizeAs(expected);
            assertThat(ids(actual)).as(what).doesNotHaveDuplicates();
            assertThat(ids(expectedAll)).as(what + ": only matching documents").containsAll(ids(actual));
            if (sort.isEmpty()) {
                if (skip == 0 && limit == 0) {
                    assertThat(ids(actual)).as(what).containsExactlyInAnyOrderElementsOf(ids(expected));
                }
            } else {
                assertThat(sortKeys(actual, sort)).as(what + ": sort keys").isEqualTo(sortKeys(expected, sort));
            }
            assertThat(indexed.countDocuments(filter)).as("count " + what).isEqualTo(expectedAll.size());
            int countSkip = random.nextInt(3);
            int countLimit = 1 + random.nextInt(10);
            assertThat(indexed.countDocuments(
                            filter, new CountOptions().skip(countSkip).limit(countLimit)))
                    .as("count skipping " + countSkip + ", at most " + countLimit + ", " + what)
                    .isEqualTo(Math.max(0, Math.min(expectedAll.size(), countSkip + countLimit) - countSkip));
        }
    }

    private void assertSameContents() {
        List<Document> expected = contents(scanned);
        assertThat(contents(indexedInMemory)).isEqualTo(expected);
        assertThat(contents(indexedInH2)).isEqualTo(expected);
    }

    private static List<Document> contents(MongoCollection<Document> collection) {
        List<Document> documents = new ArrayList<>();
        collection.find().forEach(documents::add);
        documents.sort(Comparator.comparing(document -> document.get("u").toString()));
        return documents;
    }

    private void insert() {
        Document document = new Document("u", nextUnique++);
        maybe(() -> document.append("a", oneOf(0, 1, 2, null, "x", 1L, 2.0)));
        maybe(() -> document.append("b", oneOf(0, 1, 2, 3, 4, 5L, 6.5, -1, null)));
        maybe(() -> document.append("c", WORDS.get(random.nextInt(WORDS.size()))));
        maybe(() -> document.append(
                "ts", String.format("2026-12-%02dT%02d:00:00.000Z", 1 + random.nextInt(3), random.nextInt(24))));
        maybe(() -> document.append("tags", randomTags()));
        maybe(() -> document.append("s", randomSubdocument()));
        maybe(() -> document.append("d", new Date(1_700_000_000_000L + random.nextInt(10) * 86_400_000L)));
        all().forEach(collection ->
                collection.insertOne(Document.parse(document.toJson()).append("_id", nextUnique)));
    }

    /** Mostly {k: value}; sometimes a scalar, a list of subdocuments or one without k, which a path into it must pass. */
    private Object randomSubdocument() {
        return switch (random.nextInt(6)) {
            case 0 -> "flat";
            case 1 -> List.of(new Document("k", valueFor("b")), new Document("k", valueFor("b")));
            case 2 -> new Document("other", 1);
            default -> new Document("k", oneOf(valueFor("b"), valueFor("c"), null));
        };
    }

    private Object randomTags() {
        if (random.nextInt(5) == 0) {
            return WORDS.get(random.nextInt(WORDS.size()));
        }
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return tags;
    }

    private Bson randomFilter() {
        List<Bson> parts = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            parts.add(randomCondition());
        }
        if (parts.isEmpty()) {
            return new Document();
        }
        return parts.size() == 1 && random.nextBoolean() ? parts.get(0) : Filters.and(parts);
    }

    private Bson randomCondition() {
        String field = oneOf("a", "b", "c", "ts", "tags", "d", "u", "s.k");
        Object value = valueFor(field);
        return switch (random.nextInt(14)) {
            case 0, 1, 2 -> Filters.eq(field, value);
            case 3 -> Filters.gt(field, value);
            case 4 -> Filters.gte(field, value);
            case 5 -> Filters.lt(field, value);
            case 6 -> Filters.lte(field, value);
            case 7 -> Filters.and(Filters.gte(field, value), Filters.lt(field, valueFor(field)));
            case 8 -> Filters.ne(field, value);
            case 9 -> Filters.or(Filters.eq(field, value), Filters.eq(oneOf("a", "c"), valueFor("c")));
            case 10 -> Filters.nin(field, value, valueFor(field));
            // strings only, as Axon's tracking poll sends them: decided by a hash set where the value is a string
            case 11 ->
                Filters.nin(
                        oneOf("c", "tags"),
                        WORDS.get(random.nextInt(WORDS.size())),
                        WORDS.get(random.nextInt(WORDS.size())),
                        WORDS.get(random.nextInt(WORDS.size())));
            // walked as one index point per value where that bounds more of an index than the rest of the query does
            case 12 -> Filters.in(field, value, valueFor(field), valueFor(field), valueFor(field));
            default -> Filters.in(field, value, valueFor(field));
        };
    }

    private Object valueFor(String field) {
        return switch (field) {
            case "a" -> oneOf(0, 1, 2, "x", 1L, 1.0, null);
            case "s.k" -> oneOf(valueFor("b"), valueFor("c"));
            case "b" -> oneOf(0, 1, 2.0, 3L, 4, 5, 6.5, -1);
            case "c", "tags" -> WORDS.get(random.nextInt(WORDS.size()));
            case "ts" -> String.format("2026-12-%02dT%02d", 1 + random.nextInt(3), random.nextInt(24));
            case "d" -> new Date(1_700_000_000_000L + random.nextInt(10) * 86_400_000L);
            default -> random.nextInt(Math.max(1, nextUnique));
        };
    }

    private Document randomSort() {
        return switch (random.nextInt(9)) {
            case 0 -> new Document();
            case 1 -> new Document("a", 1).append("b", 1);
            case 2 -> new Document("a", -1).append("b", -1);
            case 3 -> new Document("ts", 1);
            case 4 -> new Document("b", -1).append("u", 1);
            case 5 -> new Document("b", 1).append("u", -1);
            case 6 -> new Document("d", -1);
            case 7 -> new Document("u", 1);
            default -> new Document("c", 1).append("b", -1);
        };
    }

    private Bson randomUpdate() {
        return switch (random.nextInt(5)) {
            case 0 -> Updates.set("b", valueFor("b"));
            case 1 -> Updates.unset("a");
            case 2 -> Updates.set("tags", randomTags());
            case 3 -> Updates.set("ts", valueFor("ts") + ":00:00.000Z");
            default -> Updates.inc("b", 1);
        };
    }

    private static List<Object> ids(List<Document> documents) {
        return documents.stream().map(document -> document.get("_id")).toList();
    }

    private static List<List<Object>> sortKeys(List<Document> documents, Document sort) {
        List<List<Object>> keys = new ArrayList<>();
        for (Document document : documents) {
            List<Object> key = new ArrayList<>();
            for (String field : sort.keySet()) {
                Object value = document.get(field);
                key.add(value instanceof Number number ? (Object) number.doubleValue() : value);
            }
            keys.add(key);
        }
        return keys;
    }

    private void maybe(Runnable action) {
        if (random.nextInt(6) != 0) {
            action.run();
        }
    }

    @SafeVarargs
    private <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static List<MongoCollection<Document>> all() {
        return List.of(scanned, indexedInMemory, indexedInH2);
    }

    private static MongoCollection<Document> collectionOn(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        server.bind("127.0.0.1", 0);
        MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        clients.add(client);
        return client.getDatabase("differential").getCollection("documents");
    }
}
