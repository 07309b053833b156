package dev.studybuddy.mongostandin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.h2.IndexedH2Backend;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dropped index keeps its entries (forgetting them one by one made a projection's reset slow), so nothing may
 * reach them again: a collection dropped and made anew, or an index dropped, answers from what it holds now.
 */
class DroppedIndexesTest {

    static Stream<MongoBackend> backends() {
        return Stream.of(new IndexedMemoryBackend(), new IndexedH2Backend(null));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aCollectionMadeAgainAfterItsDropKnowsOnlyItsNewDocuments(MongoBackend backend) {
        onServer(backend, database -> {
            MongoCollection<Document> views = viewsWithIndexes(database);
            views.insertMany(messages("old", 1, 500));

            views.drop();
            views = viewsWithIndexes(database);
            views.insertMany(messages("new", 251, 300));

            assertThat(bodies(views.find(Filters.and(
                                    Filters.eq("conversation", "c"), Filters.gte("seq", 1), Filters.lte("seq", 260)))
                            .sort(Sorts.ascending("seq"))))
                    .containsExactlyElementsOf(IntStream.rangeClosed(251, 260)
                            .mapToObj(seq -> "new " + seq)
                            .toList());
            assertThat(views.countDocuments()).isEqualTo(50);
            assertThat(views.countDocuments(Filters.eq("conversation", "c"))).isEqualTo(50);
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aDroppedUniqueIndexRefusesNothingAnyMore(MongoBackend backend) {
        onServer(backend, database -> {
            MongoCollection<Document> views = viewsWithIndexes(database);
            views.insertMany(messages("first", 1, 10));

            views.dropIndex("conversation_1_seq_1");
            views.insertMany(messages("again", 1, 10));

            assertThat(views.countDocuments(Filters.eq("seq", 5))).isEqualTo(2);
            assertThat(bodies(views.find(Filters.and(Filters.eq("conversation", "c"), Filters.eq("seq", 5)))))
                    .containsExactlyInAnyOrder("first 5", "again 5");
        });
    }

    private static void onServer(MongoBackend backend, Consumer<MongoDatabase> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client.getDatabase("drops"));
        } finally {
            server.shutdownNow();
        }
    }

    private static MongoCollection<Document> viewsWithIndexes(MongoDatabase database) {
        MongoCollection<Document> views = database.getCollection("views");
        views.createIndex(Indexes.ascending("conversation", "seq"), new IndexOptions().unique(true));
        views.createIndex(Indexes.ascending("body"));
        return views;
    }

    private static List<Document> messages(String body, int fromSeq, int toSeq) {
        return IntStream.rangeClosed(fromSeq, toSeq)
                .mapToObj(seq ->
                        new Document("conversation", "c").append("seq", seq).append("body", body + " " + seq))
                .toList();
    }

    private static List<String> bodies(Iterable<Document> documents) {
        List<String> bodies = new ArrayList<>();
        documents.forEach(document -> bodies.add(document.getString("body")));
        return bodies;
    }
}
