package dev.studybuddy.query.chat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.studybuddy.query.consistency.BatchedWrites;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The writes a processor's batch makes to {@code chat_messages}, made with one bulk write ({@link BatchedWrites})
 * instead of one write (and one durable commit of the store) each: the messages it posts, and its edits, deletions
 * and reactions of messages stored before. A replay or a busy live feed is mostly posts, and at 20 reactions a second
 * one {@code updateOne} per reaction kept the chat projection busy waiting on the store (docs/benchmarks-log.md,
 * twenty-sixth session). An event that changes a message the batch writes already changes that write where it waits
 * ({@link #pending}); whatever else reads or changes {@code chat_messages} in the batch asks for {@link #flush()}
 * first, so the batch reads and changes its own writes in order. A message already there when its post is inserted (a
 * retried batch, a racing node) is left as it is: the store refuses its insert as a duplicate key, which is cheaper
 * than an upsert that would look for it first.
 */
final class MessageWrites {

    private final MongoCollection<Document> messages;
    private final BatchedWrites<Object, Write> writes;

    MessageWrites(MongoCollection<Document> messages, Clock clock) {
        this.messages = messages;
        this.writes =
                new BatchedWrites<>("chat_messages", this::writeAll, this::writeNow, (first, repeated) -> first, clock);
    }

    /**
     * One message's write: the document as it will be stored, which a later event of the batch changes where it waits
     * ({@link #set}) instead of writing it first and changing it in the store.
     */
    abstract static sealed class Write permits Insert, Change {
        private final Object id;
        private final Document document;
        private final Set<String> changed = new LinkedHashSet<>();

        private Write(Object id, Document document) {
            this.id = id;
            this.document = document;
        }

        /** The message as it will be stored (not to be changed but through {@link #set} and {@link #unset}). */
        Document message() {
            return document;
        }

        /** Changes a field of the message; {@code changeSeq} is to be set with every change. */
        void set(String field, Object value) {
            document.put(field, value);
            changed.add(field);
        }

        /** Removes a field of the message. */
        void unset(String field) {
            document.remove(field);
            changed.add(field);
        }

        boolean isChanged() {
            return !changed.isEmpty();
        }

        private boolean isMessage(String conversationId, String messageId) {
            return conversationId.equals(document.getString("conversationId"))
                    && messageId.equals(document.getString("messageId"));
        }

        abstract WriteModel<Document> model();

        /**
         * The fields changed, set on the stored message unless a later change is stored: they are the changes of the
         * batch's events since the message was read or posted, all of them, so they bring the stored message to what
         * the batch's last change made of it.
         */
        UpdateOneModel<Document> changes() {
            Bson unlessChangedLater =
                    Filters.and(Filters.eq("_id", id), Filters.lt("changeSeq", document.get("changeSeq")));
            return new UpdateOneModel<>(
                    unlessChangedLater,
                    Updates.combine(changed.stream()
                            .map(field -> document.containsKey(field)
                                    ? Updates.set(field, document.get(field))
                                    : Updates.unset(field))
                            .toList()));
        }
    }

    /** A message to insert under {@code _id} unless it is there already; whether it was, once it has been written. */
    static final class Insert extends Write {
        private Boolean inserted;

        private Insert(String id, Document message) {
            // a copy, so that the document the caller holds stays as it made it
            super(id, withId(id, message));
        }

        private static Document withId(String id, Document message) {
            Document document = new Document("_id", id);
            document.putAll(message);
            return document;
        }

        boolean written() {
            return inserted != null;
        }

        boolean inserted() {
            return Boolean.TRUE.equals(inserted);
        }

        @Override
        WriteModel<Document> model() {
            return new InsertOneModel<>(message());
        }
    }

    /** A change to a message read from the store: its fields set, unless a later change has been stored since. */
    static final class Change extends Write {

        private Change(Document stored) {
            super(stored.get("_id"), stored);
        }

        /** A change to make to the message as it was read (the document becomes the change's own). */
        static Write of(Document stored) {
            return new Change(stored);
        }

        @Override
        WriteModel<Document> model() {
            return changes();
        }
    }

    /** Inserts the message with its batch, or now when there is no batch (or batches are off after a failure). */
    Insert add(String id, Document message) {
        Insert insert = new Insert(id, message);
        add(insert);
        return insert;
    }

    /**
     * Makes the write with its batch, or now when there is no batch; a write pending in the batch already (changed
     * where it waits) stays the one the batch makes.
     */
    void add(Write write) {
        writes.add(write.id, write);
    }

    /** The message's write, if the current batch has one not made yet: a post, or a change to a stored message. */
    Optional<Write> pending(String conversationId, String messageId) {
        return writes.pending(write -> write.isMessage(conversationId, messageId));
    }

    /**
     * The message's write for the event {@code seq}, which changes it, unless the message has changed since: the
     * batch's pending write of it (a post, or an earlier change), else a change to it as stored. Empty if there is no
     * such message.
     */
    Optional<Write> changing(String conversationId, String messageId, long seq) {
        return current(conversationId, messageId)
                .filter(write -> write.message().getLong("changeSeq") < seq);
    }

    /** The change is the event {@code seq}'s: written with the batch, or now when there is none. */
    void changed(Write write, long seq) {
        write.set("changeSeq", seq);
        add(write);
    }

    /**
     * The message as the batch leaves it so far: its pending write, or else a change to it as stored (the store holds
     * nothing of the batch's for a message without one). Empty if there is no such message.
     */
    Optional<Write> current(String conversationId, String messageId) {
        Optional<Write> pending = pending(conversationId, messageId);
        if (pending.isPresent()) {
            return pending;
        }
        return Optional.ofNullable(
                        messages.find(theMessage(conversationId, messageId)).first())
                .map(Change::of);
    }

    static Bson theMessage(String conversationId, String messageId) {
        return Filters.and(Filters.eq("conversationId", conversationId), Filters.eq("messageId", messageId));
    }

    /** Makes the current batch's pending writes, if any. */
    void flush() {
        writes.flush();
    }

    private void writeNow(Write write) {
        if (write instanceof Insert insert) {
            insertNow(insert);
        } else {
            update(write.changes());
        }
    }

    private void insertNow(Insert insert) {
        try {
            messages.insertOne(insert.message());
            insert.inserted = true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            insert.inserted = false;
        }
    }

    private void writeAll(List<Write> batch) {
        Set<Integer> alreadyThere = Set.of();
        try {
            messages.bulkWrite(batch.stream().map(Write::model).toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a message stored before (a retried batch, here or on another node) is not a failure: it is there
            if (!e.getWriteErrors().stream().allMatch(error -> isRepeatedInsert(batch, error))) {
                throw e;
            }
            alreadyThere =
                    e.getWriteErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof Insert insert) {
                insert.inserted = !alreadyThere.contains(i);
                if (alreadyThere.contains(i) && insert.isChanged()) {
                    update(insert.changes());
                }
            }
        }
    }

    private static boolean isRepeatedInsert(List<Write> batch, BulkWriteError error) {
        return error.getCategory() == ErrorCategory.DUPLICATE_KEY && batch.get(error.getIndex()) instanceof Insert;
    }

    private void update(UpdateOneModel<Document> change) {
        messages.updateOne(change.getFilter(), change.getUpdate());
    }
}
