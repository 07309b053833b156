package dev.studybuddy.mongostandin.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.DuplicateKeyException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index built over documents already stored (a {@code createIndex} on a filled collection, every index when a store
 * opens) holds every one of them, and a unique one over duplicates is refused as MongoDB refuses it.
 */
class IndexBuildsTest {

    @Test
    void theIndexesOfAReopenedStoreHoldEveryStoredDocument(@TempDir Path directory) {
        String file = directory.resolve("reopened.h2").toString();
        withCollection(file, messages -> {
            messages.insertMany(IntStream.range(0, 2_000)
                    .mapToObj(i -> new Document("conversation", "c" + i % 7).append("seq", i / 7))
                    .toList());
            messages.createIndex(Indexes.ascending("conversation", "seq"), new IndexOptions().unique(true));
            messages.createIndex(Indexes.descending("seq"));
        });

        withCollection(file, messages -> {
            assertThat(seqs(messages.find(Filters.and(
                                    Filters.eq("conversation", "c3"), Filters.gte("seq", 280), Filters.lt("seq", 290)))
                            .sort(Sorts.ascending("seq"))))
                    .containsExactly(280, 281, 282, 283, 284, 285);
            assertThat(messages.countDocuments(Filters.gte("seq", 280))).isEqualTo(2_000 - 7 * 280);
            assertThatThrownBy(() -> messages.insertOne(new Document("conversation", "c3").append("seq", 5)))
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        });
    }

    @Test
    void aUniqueIndexOverDuplicatesIsRefusedAndNotKept(@TempDir Path directory) {
        withCollection(directory.resolve("duplicates.h2").toString(), messages -> {
            messages.insertMany(List.of(
                    new Document("seq", 1), new Document("seq", 2), new Document("seq", 2), new Document("seq", 3)));

            assertThatThrownBy(() -> messages.createIndex(Indexes.ascending("seq"), new IndexOptions().unique(true)))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("E11000");
            List<String> indexes = new ArrayList<>();
            messages.listIndexes().forEach(index -> indexes.add(index.getString("name")));
            assertThat(indexes).containsExactly("_id_");
            messages.insertOne(new Document("seq", 3));
            assertThat(messages.countDocuments(Filters.eq("seq", 3))).isEqualTo(2);
        });
    }

    private static void withCollection(String file, Consumer<MongoCollection<Document>> use) {
        IndexedH2Backend backend = new IndexedH2Backend(file);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client.getDatabase("builds").getCollection("messages"));
        } finally {
            server.shutdownNow();
        }
    }

    private static List<Integer> seqs(Iterable<Document> documents) {
        List<Integer> seqs = new ArrayList<>();
        documents.forEach(document -> seqs.add(document.getInteger("seq")));
        return seqs;
    }
}
