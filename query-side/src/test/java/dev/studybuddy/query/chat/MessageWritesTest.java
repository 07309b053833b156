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

/**
 * Over the MongoDB stand-in, through the driver: what a batch posts, and what it changes of messages stored before, is
 * written together when it commits.
 */
class MessageWritesTest {

    private static final MongoClient client =
            MongoClients.create(InMemoryMongo.connectionString("posted_messages_test"));

    /** A collection of each test's own (JUnit makes an instance per test). */
    private final MongoCollection<Document> messages =
            client.getDatabase("posted_messages_test").getCollection("messages_" + UUID.randomUUID());

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T06:00:00Z"));
    private final MessageWrites writes = new MessageWrites(messages, clock);

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aBatchsMessagesAreWrittenWhenItCommitsAndEachKnowsItWasInserted() {
        List<MessageWrites.Insert> inserts = new ArrayList<>();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            inserts.add(writes.add("c#1", message(1)));
            inserts.add(writes.add("c#2", message(2)));
            assertThat(messages.countDocuments()).isZero();
            assertThat(inserts).noneMatch(MessageWrites.Insert::written);
        });

        assertThat(messages.countDocuments()).isEqualTo(2);
        assertThat(inserts).allMatch(MessageWrites.Insert::inserted);
    }

    @Test
    void aMessageAlreadyThereIsKeptAsItIsAndReportedNotInserted() {
        messages.insertOne(new Document("_id", "c#1").append("seq", 1L).append("body", "edited since"));
        List<MessageWrites.Insert> inserts = new ArrayList<>();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            inserts.add(writes.add("c#1", message(1)));
            inserts.add(writes.add("c#2", message(2)));
        });

        assertThat(inserts.get(0).inserted()).isFalse();
        assertThat(inserts.get(1).inserted()).isTrue();
        assertThat(messages.find(Filters.eq("_id", "c#1")).first().getString("body"))
                .isEqualTo("edited since");
    }

    @Test
    void whatTheBatchReadsAfterAFlushIncludesItsOwnPosts() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("c#1", message(1));
            writes.flush();
            assertThat(messages.countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void withoutABatchAMessageIsWrittenAtOnce() {
        MessageWrites.Insert insert = writes.add("c#1", message(1));

        assertThat(insert.inserted()).isTrue();
        assertThat(messages.countDocuments()).isEqualTo(1);
    }

    @Test
    void withoutABatchAMessageAlreadyThereIsKeptAsItIsAndReportedNotInserted() {
        messages.insertOne(new Document("_id", "c#1").append("seq", 1L).append("body", "edited since"));

        MessageWrites.Insert insert = writes.add("c#1", message(1));

        assertThat(insert.written()).isTrue();
        assertThat(insert.inserted()).isFalse();
        assertThat(messages.find(Filters.eq("_id", "c#1")).first().getString("body"))
                .isEqualTo("edited since");
    }

    @Test
    void aRepeatedBatchInsertsNothingAgainAndReportsEachMessageNotInserted() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("c#1", message(1));
            writes.add("c#2", message(2));
        });
        List<MessageWrites.Insert> repeated = new ArrayList<>();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            repeated.add(writes.add("c#1", message(1)));
            repeated.add(writes.add("c#2", message(2)));
            repeated.add(writes.add("c#3", message(3)));
        });

        assertThat(repeated).extracting(MessageWrites.Insert::inserted).containsExactly(false, false, true);
        assertThat(messages.countDocuments()).isEqualTo(3);
    }

    @Test
    void afterABulkWriteFailsTheNextBatchesWriteEachMessageInItsHandlerUntilTheQuietTimeIsOver() {
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        writes.add("c#1", message(1));
        writes.add("c#2", new Document("_id", List.of("an array, which no store takes for an _id")));
        assertThatThrownBy(failing::commit).isInstanceOf(RuntimeException.class);

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            MessageWrites.Insert insert = writes.add("c#3", message(3));
            assertThat(insert.inserted()).isTrue();
            assertThat(messages.countDocuments(Filters.eq("_id", "c#3"))).isOne();
            assertThatThrownBy(() -> writes.add("c#4", new Document("_id", List.of("alone"))))
                    .isInstanceOf(RuntimeException.class);
        });

        clock.advance(BatchedWrites.UNBATCHED_AFTER_FAILURE.plusSeconds(1));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            MessageWrites.Insert insert = writes.add("c#5", message(5));
            assertThat(insert.written()).isFalse();
        });
        assertThat(messages.countDocuments(Filters.eq("_id", "c#5"))).isOne();
    }

    @Test
    void aChangeToAPostStillPendingIsInsertedWithItInTheBatchsOneWrite() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("c#1", message(1));
            writes.add("c#2", message(2));
            MessageWrites.Write pending = writes.pending("c", "m2").orElseThrow();
            pending.set("reactions", List.of(new Document("emoji", ":tada:")));
            pending.set("changeSeq", 3L);
            assertThat(writes.pending("c", "m2").orElseThrow().message().getLong("changeSeq"))
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
        assertThat(writes.pending("c", "m1")).isEmpty();
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("c#1", message(1));
            assertThat(writes.pending("c", "m2")).isEmpty();
            assertThat(writes.pending("other", "m1")).isEmpty();
            assertThat(writes.pending("c", "m1")).isPresent();
            writes.flush();
            assertThat(writes.pending("c", "m1")).isEmpty();
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
                writes.add("c#" + seq, message(seq));
                MessageWrites.Write pending = writes.pending("c", "m" + seq).orElseThrow();
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

    @Test
    void aBatchsChangesToStoredMessagesAreWrittenWithItsPostsWhenItCommits() {
        messages.insertOne(stored("c#1", 1L, 1L));
        messages.insertOne(stored("c#2", 2L, 2L));

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("c#3", message(3));
            for (long seq = 1; seq <= 2; seq++) {
                MessageWrites.Write change = MessageWrites.Change.of(
                        messages.find(Filters.eq("_id", "c#" + seq)).first());
                change.set("reactions", List.of(new Document("emoji", ":tada:")));
                change.set("changeSeq", 3 + seq);
                writes.add(change);
            }
            assertThat(messages.countDocuments(Filters.exists("reactions"))).isZero();
            assertThat(messages.countDocuments()).isEqualTo(2);
        });

        assertThat(messages.countDocuments()).isEqualTo(3);
        assertThat(messages.find(Filters.eq("_id", "c#1")).first().getLong("changeSeq"))
                .isEqualTo(4L);
        assertThat(messages.find(Filters.eq("_id", "c#2")).first().getLong("changeSeq"))
                .isEqualTo(5L);
        assertThat(messages.find(Filters.eq("_id", "c#2")).first().getList("reactions", Document.class))
                .extracting(reaction -> reaction.getString("emoji"))
                .containsExactly(":tada:");
        assertThat(messages.find(Filters.eq("_id", "c#2")).first().getString("body"))
                .isEqualTo("stored 2");
    }

    @Test
    void aChangedMessageIsPendingUntilWrittenAndLaterChangesOfTheBatchGoIntoTheSameWrite() {
        messages.insertOne(stored("c#1", 1L, 1L));

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            assertThat(writes.pending("c", "m1")).isEmpty();
            MessageWrites.Write change = MessageWrites.Change.of(
                    messages.find(Filters.eq("_id", "c#1")).first());
            change.set("reactions", List.of(new Document("emoji", ":heart:")));
            change.set("changeSeq", 2L);
            writes.add(change);

            MessageWrites.Write again = writes.pending("c", "m1").orElseThrow();
            assertThat(again).isSameAs(change);
            again.set("reactions", List.of(new Document("emoji", ":heart:"), new Document("emoji", ":tada:")));
            again.set("changeSeq", 3L);
            writes.add(again);
            writes.flush();
            assertThat(writes.pending("c", "m1")).isEmpty();
        });

        Document changed = messages.find(Filters.eq("_id", "c#1")).first();
        assertThat(changed.getLong("changeSeq")).isEqualTo(3L);
        assertThat(changed.getList("reactions", Document.class)).hasSize(2);
    }

    @Test
    void aChangeLeavesAMessageWhoseStoredChangeIsLaterAsItIs() {
        Document read = stored("c#1", 1L, 1L);
        messages.insertOne(read);
        messages.updateOne(Filters.eq("_id", "c#1"), new Document("$set", new Document("changeSeq", 7L)));

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            MessageWrites.Write change = MessageWrites.Change.of(read);
            change.set("reactions", List.of(new Document("emoji", ":heart:")));
            change.set("changeSeq", 5L);
            writes.add(change);
        });

        Document kept = messages.find(Filters.eq("_id", "c#1")).first();
        assertThat(kept.getLong("changeSeq")).isEqualTo(7L);
        assertThat(kept.containsKey("reactions")).isFalse();
    }

    @Test
    void withoutABatchAChangeIsWrittenAtOnce() {
        messages.insertOne(stored("c#1", 1L, 1L));
        MessageWrites.Write change =
                MessageWrites.Change.of(messages.find(Filters.eq("_id", "c#1")).first());
        change.set("body", "changed");
        change.set("changeSeq", 2L);

        writes.add(change);

        assertThat(messages.find(Filters.eq("_id", "c#1")).first().getString("body"))
                .isEqualTo("changed");
        assertThat(writes.pending("c", "m1")).isEmpty();
    }

    @Test
    void aFieldUnsetWhilePendingIsLeftOutOfTheInsertAndRemovedFromAStoredMessage() {
        messages.insertOne(stored("c#1", 1L, 1L));

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("c#2", message(2));
            MessageWrites.Write post = writes.pending("c", "m2").orElseThrow();
            post.unset("body");
            post.set("changeSeq", 3L);
            MessageWrites.Write change = MessageWrites.Change.of(
                    messages.find(Filters.eq("_id", "c#1")).first());
            change.unset("body");
            change.set("changeSeq", 4L);
            writes.add(change);
        });

        Document inserted = messages.find(Filters.eq("_id", "c#2")).first();
        assertThat(inserted.containsKey("body")).isFalse();
        assertThat(inserted.getLong("changeSeq")).isEqualTo(3L);
        Document changed = messages.find(Filters.eq("_id", "c#1")).first();
        assertThat(changed.containsKey("body")).isFalse();
        assertThat(changed.getLong("changeSeq")).isEqualTo(4L);
    }

    private static Document stored(String id, long seq, long changeSeq) {
        return new Document("_id", id)
                .append("conversationId", "c")
                .append("messageId", "m" + seq)
                .append("seq", seq)
                .append("changeSeq", changeSeq)
                .append("body", "stored " + seq);
    }

    private static Document message(long seq) {
        return new Document("conversationId", "c")
                .append("seq", seq)
                .append("changeSeq", seq)
                .append("messageId", "m" + seq)
                .append("body", "message " + seq);
    }
}
