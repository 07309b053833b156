package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.studybuddy.testing.InMemoryMongo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

/**
 * Over the MongoDB stand-in, through the driver: a conversation's entry only moves forward, whether its messages come
 * one by one or a batch at a time, and a batch writes one entry per user and conversation.
 */
class DirectConversationsTest {

    private static final String DATABASE = "direct_conversations_test";
    private static final MongoClient client = MongoClients.create(InMemoryMongo.connectionString(DATABASE));
    private static final Instant T0 = Instant.parse("2026-12-04T06:00:00Z");

    private final DirectConversations directs = new DirectConversations(client, database());
    private final MongoCollection<Document> stored =
            client.getDatabase(DATABASE).getCollection(DirectConversations.COLLECTION);
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final String conversation = "direct:" + UUID.randomUUID();

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aNewerMessageMovesTheEntryAndAnOlderOneLeavesIt() {
        directs.record(ann, bob, conversation, 5, T0.plusSeconds(5));
        directs.record(ann, bob, conversation, 7, T0.plusSeconds(7));
        directs.record(ann, bob, conversation, 6, T0.plusSeconds(6));
        directs.record(ann, bob, conversation, 7, T0.plusSeconds(7));

        Document entry = entry(ann);
        assertThat(entry.getLong("lastSeq")).isEqualTo(7);
        assertThat(entry.getDate("lastAt").toInstant()).isEqualTo(T0.plusSeconds(7));
        assertThat(entry.getString("otherUserId")).isEqualTo(bob.toString());
        assertThat(directs.of(ann, null, 10))
                .containsExactly(new DirectConversationEntry(bob, conversation, T0.plusSeconds(7)));
    }

    @Test
    void aBatchWritesEachUsersLatestMessageOnceAndNeverGoesBack() {
        directs.record(ann, bob, conversation, 40, T0.plusSeconds(40));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (long seq = 31; seq <= 50; seq++) {
                directs.record(ann, bob, conversation, seq, T0.plusSeconds(seq));
                directs.record(bob, ann, conversation, seq, T0.plusSeconds(seq));
            }
            assertThat(stored.countDocuments(Filters.eq("conversationId", conversation)))
                    .as("written when the batch commits")
                    .isOne();
        });

        assertThat(entry(ann).getLong("lastSeq")).isEqualTo(50);
        assertThat(entry(bob).getLong("lastSeq")).isEqualTo(50);

        // a retried or late batch with older messages only
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            directs.record(ann, bob, conversation, 45, T0.plusSeconds(45));
            directs.record(bob, ann, conversation, 12, T0.plusSeconds(12));
        });
        assertThat(List.of(entry(ann).getLong("lastSeq"), entry(bob).getLong("lastSeq")))
                .containsExactly(50L, 50L);
        assertThat(directs.of(bob, null, 10))
                .containsExactly(new DirectConversationEntry(ann, conversation, T0.plusSeconds(50)));
    }

    private Document entry(UUID user) {
        return stored.find(Filters.eq("_id", user + "|" + conversation)).first();
    }

    private static MongoProperties database() {
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(DATABASE);
        return properties;
    }
}
