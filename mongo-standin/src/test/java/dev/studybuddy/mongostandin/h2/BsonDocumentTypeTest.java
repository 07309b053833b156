package dev.studybuddy.mongostandin.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in stores documents as BSON ({@link BsonDocumentType}), reads on a store whose documents H2 Java-serialized
 * (every store written before), and Java-serializes what BSON cannot hold.
 */
class BsonDocumentTypeTest {

    @Test
    void aDocumentIsWrittenAsBsonAndReadBackEqual() {
        Document document = new Document("_id", new ObjectId())
                .append("text", "grüße \u2603")
                .append("int", 7)
                .append("long", 1L << 40)
                .append("double", -0.5)
                .append("flag", true)
                .append("nothing", null)
                .append("at", Instant.ofEpochMilli(1_764_000_000_123L))
                .append("uuid", UUID.randomUUID())
                .append("bytes", new BinData(new byte[] {1, 2, 3}))
                .append("list", new ArrayList<>(List.of(1, "two", new Document("three", 3.0))))
                .append("sub", new Document("a", new Document("b", List.of())));

        ByteBuffer written = written(document);

        assertThat(written.get(0)).isEqualTo((byte) 0xB5);
        assertThat(readAll(written, 1)).containsExactly(document);
    }

    @Test
    void aValueBsonCannotHoldIsJavaSerializedAndReadBack() {
        Document document = new Document("_id", 1).append("locale", Locale.GERMANY);

        ByteBuffer written = written(document);

        assertThat(written.get(0)).isNotEqualTo((byte) 0xB5);
        assertThat(readAll(written, 1)).containsExactly(document);
    }

    @Test
    void valuesOfBothFormsReadBackOneAfterAnother() {
        Document bson = new Document("_id", "a").append("n", 1);
        Document javaSerialized = new Document("_id", "b").append("locale", Locale.FRANCE);
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, bson);
        BsonDocumentType.INSTANCE.write(buffer, javaSerialized);
        BsonDocumentType.INSTANCE.write(buffer, bson);

        assertThat(readAll(buffer.getBuffer().flip(), 3)).containsExactly(bson, javaSerialized, bson);
    }

    /** A store H2Backend wrote (Java-serialized documents) opens, reads, changes and reopens as BSON and Java mixed. */
    @Test
    void aStoreWrittenWithJavaSerializationReadsOnAndTakesChanges(@TempDir Path directory) {
        String file = directory.resolve("older.h2").toString();
        List<org.bson.Document> written = IntStream.range(0, 500)
                .mapToObj(i -> new org.bson.Document("_id", "event-" + i)
                        .append("seq", i)
                        .append("body", "message " + i)
                        .append("tags", List.of("t" + i % 3)))
                .toList();
        withCollection(new H2Backend(file), events -> events.insertMany(written));

        withCollection(new IndexedH2Backend(file), events -> {
            assertThat(events.find().sort(Sorts.ascending("seq")).into(new ArrayList<>()))
                    .isEqualTo(written);
            events.updateMany(Filters.lt("seq", 100), Updates.set("edited", true));
            events.deleteMany(Filters.gte("seq", 450));
            events.insertOne(new org.bson.Document("_id", "event-new").append("seq", 1_000));
        });

        withCollection(new IndexedH2Backend(file), events -> {
            assertThat(events.countDocuments()).isEqualTo(451);
            assertThat(events.countDocuments(Filters.eq("edited", true))).isEqualTo(100);
            assertThat(events.find(Filters.eq("_id", "event-200")).first()).isEqualTo(written.get(200));
            assertThat(events.find(Filters.eq("seq", 1_000)).first()).isNotNull();
        });
    }

    @Test
    void theStandInsCollectionsStoreTheirDocumentsAsBson(@TempDir Path directory) {
        String file = directory.resolve("bson.h2").toString();
        withCollection(
                new IndexedH2Backend(file),
                events -> events.insertMany(IntStream.range(0, 100)
                        .mapToObj(i -> new org.bson.Document("_id", i).append("body", "message " + i))
                        .toList()));

        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(store.openMap(
                                    "databases.store.events",
                                    new MVMap.Builder<Object, Byte>().valueType(new FirstByteOfBson()))
                            .values())
                    .hasSize(100)
                    .containsOnly((byte) 0xB5);
        } finally {
            store.close();
        }
    }

    /** Reads a stored BSON value as its first byte, and refuses any other. */
    private static final class FirstByteOfBson extends BasicDataType<Byte> {

        @Override
        public Byte read(ByteBuffer buffer) {
            byte first = buffer.get();
            if (first != (byte) 0xB5) {
                throw new IllegalStateException("not stored as BSON: first byte " + first);
            }
            int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            buffer.position(buffer.position() + size);
            return first;
        }

        @Override
        public int getMemory(Byte value) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, Byte value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public Byte[] createStorage(int size) {
            return new Byte[size];
        }
    }

    private static ByteBuffer written(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        return buffer.getBuffer().flip();
    }

    private static List<Document> readAll(ByteBuffer buffer, int count) {
        List<Document> read = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            read.add(BsonDocumentType.INSTANCE.read(buffer));
        }
        assertThat(buffer.remaining()).isZero();
        return read;
    }

    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<org.bson.Document>> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client.getDatabase("store").getCollection("events"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
