package dev.studybuddy.mongostandin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.h2.IndexedH2Backend;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upsert whose filter names an existing {@code _id} but does not match it (a "move forward only" write) tries to
 * insert that {@code _id} again, and MongoDB answers with a duplicate key (E11000), alone or in a bulk write, and
 * leaves the document as it was: on both backends of the stand-in, one write after another.
 */
class ConditionalUpsertTest {

    static Stream<MongoBackend> backends() {
        return Stream.of(new IndexedMemoryBackend(), new IndexedH2Backend(null));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anUpsertThatWouldGoBackIsADuplicateKeyAndChangesNothing(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> entries =
                    client.getDatabase("upserts").getCollection("entries_" + UUID.randomUUID());

            entries.updateOne(forward("a", 2), set(2), new UpdateOptions().upsert(true));
            entries.updateOne(forward("a", 3), set(3), new UpdateOptions().upsert(true));
            entries.bulkWrite(
                    List.of(
                            new UpdateOneModel<>(forward("a", 5), set(5), new UpdateOptions().upsert(true)),
                            new UpdateOneModel<>(forward("b", 1), set(1), new UpdateOptions().upsert(true))),
                    new BulkWriteOptions().ordered(false));
            assertThat(lastSeq(entries, "a")).isEqualTo(5);

            assertThatThrownBy(() -> entries.updateOne(forward("a", 4), set(4), new UpdateOptions().upsert(true)))
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> entries.bulkWrite(
                            List.of(
                                    new UpdateOneModel<>(forward("a", 4), set(4), new UpdateOptions().upsert(true)),
                                    new UpdateOneModel<>(forward("b", 2), set(2), new UpdateOptions().upsert(true))),
                            new BulkWriteOptions().ordered(false)))
                    .isInstanceOfSatisfying(
                            MongoBulkWriteException.class,
                            e -> assertThat(e.getWriteErrors()).singleElement().satisfies(error -> {
                                assertThat(error.getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                                assertThat(error.getIndex()).isZero();
                            }));

            entries.updateOne(forward("a", 6), set(6), new UpdateOptions().upsert(true));
            assertThat(lastSeq(entries, "a")).isEqualTo(6);
            assertThat(lastSeq(entries, "b")).isEqualTo(2);
            assertThat(entries.countDocuments()).isEqualTo(2);
        } finally {
            server.shutdownNow();
        }
    }

    private static Bson forward(String id, long seq) {
        return Filters.and(Filters.eq("_id", id), Filters.lt("lastSeq", seq));
    }

    private static Bson set(long seq) {
        return Updates.combine(Updates.set("lastSeq", seq), Updates.set("note", "at " + seq));
    }

    private static long lastSeq(MongoCollection<Document> entries, String id) {
        return entries.find(Filters.eq("_id", id)).first().getLong("lastSeq");
    }
}
