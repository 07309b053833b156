package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.studybuddy.query.consistency.BatchedWrites;
import dev.studybuddy.testing.InMemoryMongo;
import dev.studybuddy.testing.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Over the MongoDB stand-in, through the driver: what a batch posts is written together when it commits. */
class PostedMessagesTest {

    private static final MongoClient client =
            MongoClients.create(InMemoryMongo.connectionString("posted_messages_test"));

    /** A collection of each test's own (JUnit makes an instance per test). */
    private final MongoCollection<Document> messages =
            client.getDatabase("posted_messages_test").getCollection("messages_" + UUID.randomUUID());

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T06:00:00Z"));
    private final PostedMessages posted = new PostedMessages(messages, clock);

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aBatchsMessagesAreWrittenWhenItCommitsAndEachKnowsItWasInserted() {
        List<PostedMessages.Insert> inserts = new ArrayList<>();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            inserts.add(posted.add("c#1", message(1)));
            inserts.add(posted.add("c#2", message(2)));
            assertThat(messages.countDocuments()).isZero();
            assertThat(inserts).noneMatch(PostedMessages.Insert::written);
        });

        assertThat(messages.countDocuments()).isEqualTo(2);
        assertThat(inserts).allMatch(PostedMessages.Insert::inserted);
    }

    @Test
    void aMessageAlreadyThereIsKeptAsItIsAndReportedNotInserted() {
        messages.insertOne(new Document("_id", "c#1").append("seq", 1L).append("body", "edited since"));
        List<PostedMessages.Insert> inserts = new ArrayList<>();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            inserts.add(posted.add("c#1", message(1)));
            inserts.add(posted.add("c#2", message(2)));
        });

        assertThat(inserts.get(0).inserted()).isFalse();
        assertThat(inserts.get(1).inserted()).isTrue();
        assertThat(messages.find(Filters.eq("_id", "c#1")).first().getString("body"))
                .isEqualTo("edited since");
    }

    @Test
    void whatTheBatchReadsAfterAFlushIncludesItsOwnPosts() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            posted.add("c#1", message(1));
            posted.flush();
            assertThat(messages.countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void withoutABatchAMessageIsWrittenAtOnce() {
        PostedMessages.Insert insert = posted.add("c#1", message(1));

        assertThat(insert.inserted()).isTrue();
        assertThat(messages.countDocuments()).isEqualTo(1);
    }

    @Test
    void withoutABatchAMessageAlreadyThereIsKeptAsItIsAndReportedNotInserted() {
        messages.insertOne(new Document("_id", "c#1").append("seq", 1L).append("body", "edited since"));

        PostedMessages.Insert insert = posted.add("c#1", message(1));

        assertThat(insert.written()).isTrue();
        assertThat(insert.inserted()).isFalse();
        assertThat(messages.find(Filters.eq("_id", "c#1")).first().getString("body"))
                .isEqualTo("edited since");
    }

    @Test
    void aRepeatedBatchInsertsNothingAgainAndReportsEachMessageNotInserted() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            posted.add("c#1", message(1));
            posted.add("c#2", message(2));
        });
        List<PostedMessages.Insert> repeated = new ArrayList<>();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            repeated.add(posted.add("c#1", message(1)));
            repeated.add(posted.add("c#2", message(2)));
            repeated.add(posted.add("c#3", message(3)));
        });

        assertThat(repeated).extracting(PostedMessages.Insert::inserted).containsExactly(false, false, true);
        assertThat(messages.countDocuments()).isEqualTo(3);
    }

    @Test
    void afterABulkWriteFailsTheNextBatchesWriteEachMessageInItsHandlerUntilTheQuietTimeIsOver() {
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        posted.add("c#1", message(1));
        posted.add("c#2", new Document("_id", List.of("an array, which no store takes for an _id")));
        assertThatThrownBy(failing::commit).isInstanceOf(RuntimeException.class);

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            PostedMessages.Insert insert = posted.add("c#3", message(3));
            assertThat(insert.inserted()).isTrue();
            assertThat(messages.countDocuments(Filters.eq("_id", "c#3"))).isOne();
            assertThatThrownBy(() -> posted.add("c#4", new Document("_id", List.of("alone"))))
                    .isInstanceOf(RuntimeException.class);
        });

        clock.advance(BatchedWrites.UNBATCHED_AFTER_FAILURE.plusSeconds(1));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            PostedMessages.Insert insert = posted.add("c#5", message(5));
            assertThat(insert.written()).isFalse();
        });
        assertThat(messages.countDocuments(Filters.eq("_id", "c#5"))).isOne();
    }

    @Test
    void aChangeToAPostStillPendingIsInsertedWithItInTheBatchsOneWrite() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            posted.add("c#1", message(1));
            posted.add("c#2", message(2));
            PostedMessages.Pending pending = posted.pending("c", "m2").orElseThrow();
            pending.set("reactions", List.of(new Document("emoji", ":tada:")));
            pending.set("changeSeq", 3L);
            assertThat(posted.pending("c", "m2").orElseThrow().message().getLong("changeSeq"))
                    .isEqualTo(3L);
            assertThat(messages.countDocuments()).isZero();
        });

        Document stored = messages.find(Filters.eq("_id", "c#2")).first();
        assertThat(stored.getLong("seq")).isEqualTo(2L);
        assertThat(stored.getLong("changeSeq")).isEqualTo(3L);
        assertThat(stored.getList("reactions", Document.class))
                .extracting(reaction -> reaction.getString("emoji"))
                .containsExactly(":tada:");
        assertThat(messages.find(Filters.eq("_id", "c#1")).first().getLong("changeSeq"))
                .isEqualTo(1L);
    }

    @Test
    void onlyAPostOfTheCurrentBatchNotYetWrittenIsPending() {
        assertThat(posted.pending("c", "m1")).isEmpty();
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            posted.add("c#1", message(1));
            assertThat(posted.pending("c", "m2")).isEmpty();
            assertThat(posted.pending("other", "m1")).isEmpty();
            assertThat(posted.pending("c", "m1")).isPresent();
            posted.flush();
            assertThat(posted.pending("c", "m1")).isEmpty();
        });
    }

    @Test
    void aPendingChangeReachesAMessageStoredMeanwhileUnlessALaterChangeIsStored() {
        messages.insertOne(new Document("_id", "c#1")
                .append("conversationId", "c")
                .append("messageId", "m1")
                .append("seq", 1L)
                .append("changeSeq", 1L));
        messages.insertOne(new Document("_id", "c#2")
                .append("conversationId", "c")
                .append("messageId", "m2")
                .append("seq", 2L)
                .append("changeSeq", 9L));

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (long seq = 1; seq <= 2; seq++) {
                posted.add("c#" + seq, message(seq));
                PostedMessages.Pending pending = posted.pending("c", "m" + seq).orElseThrow();
                pending.set("reactions", List.of(new Document("emoji", ":heart:")));
                pending.set("changeSeq", 5L);
            }
        });

        Document changed = messages.find(Filters.eq("_id", "c#1")).first();
        assertThat(changed.getLong("changeSeq")).isEqualTo(5L);
        assertThat(changed.getList("reactions", Document.class)).hasSize(1);
        Document later = messages.find(Filters.eq("_id", "c#2")).first();
        assertThat(later.getLong("changeSeq")).isEqualTo(9L);
        assertThat(later.containsKey("reactions")).isFalse();
    }

    private static Document message(long seq) {
        return new Document("conversationId", "c")
                .append("seq", seq)
                .append("changeSeq", seq)
                .append("messageId", "m" + seq)
                .append("body", "message " + seq);
    }
}
