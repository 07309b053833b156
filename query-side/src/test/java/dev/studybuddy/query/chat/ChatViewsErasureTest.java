package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.studybuddy.platform.personaldata.ErasedAuthors;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.platform.personaldata.PersonalDataProperties;
import dev.studybuddy.testing.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

/**
 * An erasure blanks the erased user's messages that its own batch posted or changed and has not written yet: the
 * batch's pending writes go to the store before the erasure, not after it with the bodies it should have blanked.
 */
class ChatViewsErasureTest {

    private static final String DATABASE = "chat_views_erasure_test";
    private static final MongoClient client = MongoClients.create(InMemoryMongo.connectionString(DATABASE));
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private static final PersonalDataKeys keys = new PersonalDataKeys(
            client.getDatabase(DATABASE),
            new PersonalDataProperties(
                    Base64.getEncoder().encodeToString(new byte[32]),
                    true,
                    "personal_data_keys",
                    Duration.ofMinutes(5),
                    100));

    private final ChatViews views = new ChatViews(
            client, properties(), null, new ChatReadPositions(client, properties()), new ErasedAuthors(keys));
    private final MongoCollection<Document> messages =
            client.getDatabase(DATABASE).getCollection(ChatViews.MESSAGES);
    private final String conversation = "group:" + UUID.randomUUID();
    private final UUID erased = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theBatchsOwnPostsAndChangesOfTheErasedUserAreBlankedAndOthersKept() {
        UUID storedBefore = UUID.randomUUID();
        views.posted(conversation, 1, storedBefore, erased, "stored before the batch", List.of(), null, List.of(), AT);

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            views.edited(conversation, 2, storedBefore, "edited in the batch", AT);
            views.posted(
                    conversation, 3, UUID.randomUUID(), erased, "posted in the batch", List.of(), null, List.of(), AT);
            views.posted(conversation, 4, UUID.randomUUID(), other, "someone else's", List.of(), null, List.of(), AT);
            views.erased(erased);
        });

        assertThat(bodiesOf(erased)).containsExactly(null, null);
        assertThat(bodiesOf(other)).containsExactly("someone else's");
    }

    /**
     * A batch that stores a text of a user erased by then (read with a key its node still held, after the erasure's
     * handler ran) blanks it before it commits, an edit too; others' messages stay as written.
     */
    @Test
    void aBatchStoringTheTextOfAUserErasedByThenBlanksIt() {
        keys.create(erased);
        UUID storedBefore = UUID.randomUUID();
        views.posted(conversation, 1, storedBefore, erased, "stored before", List.of(), null, List.of(), AT);
        keys.destroy(erased);
        views.erased(erased);

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            views.posted(conversation, 2, UUID.randomUUID(), erased, "read before", List.of(), null, List.of(), AT);
            views.posted(conversation, 3, UUID.randomUUID(), other, "someone else's", List.of(), null, List.of(), AT);
        });
        DefaultUnitOfWork.startAndGet(null).execute(() -> views.edited(conversation, 4, storedBefore, "edited", AT));

        assertThat(bodiesOf(erased)).containsExactly(null, null);
        assertThat(bodiesOf(other)).containsExactly("someone else's");
    }

    private List<String> bodiesOf(UUID sender) {
        return messages.find(Filters.and(
                        Filters.eq("conversationId", conversation), Filters.eq("senderId", sender.toString())))
                .sort(new Document("seq", 1))
                .map(document -> document.getString("body"))
                .into(new java.util.ArrayList<>());
    }

    private static MongoProperties properties() {
        MongoProperties properties = new MongoProperties();
        properties.setUri(InMemoryMongo.connectionString(DATABASE));
        return properties;
    }
}
