package dev.studybuddy.query.chat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Updates;
import dev.studybuddy.query.consistency.BatchedWrites;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Inserts the messages a processor's batch posts with one bulk write ({@link BatchedWrites}) instead of one write (and
 * one durable commit of the store) per message: a replay or a busy live feed is mostly posts. Whatever else touches
 * {@code chat_messages} in the batch asks for {@link #flush()} first, so the batch reads and changes its own posts in
 * order. A message already there (a retried batch, a racing node) is left as it is: the store refuses its insert as a
 * duplicate key, which is cheaper than an upsert that would look for it first.
 */
final class PostedMessages {

    private final MongoCollection<Document> messages;
    private final BatchedWrites<String, Insert> inserts;

    PostedMessages(MongoCollection<Document> messages, Clock clock) {
        this.messages = messages;
        this.inserts = new BatchedWrites<>(
                "chat_messages", this::insertAll, this::insertNow, (first, repeated) -> first, clock);
    }

    /** A message to insert under {@code _id} unless it is there already; whether it was, once it has been written. */
    static final class Insert {
        private final String id;
        private final Document message;
        /** What will be inserted: the message under its {@code _id}, with the changes made while it was pending. */
        private final Document document;

        private final Set<String> changed = new LinkedHashSet<>();
        private Boolean inserted;

        private Insert(String id, Document message) {
            this.id = id;
            this.message = message;
            // a copy, so that the document the caller holds stays as it made it
            this.document = new Document("_id", id);
            this.document.putAll(message);
        }

        boolean written() {
            return inserted != null;
        }

        boolean inserted() {
            return Boolean.TRUE.equals(inserted);
        }

        private boolean isMessage(String conversationId, String messageId) {
            return conversationId.equals(message.getString("conversationId"))
                    && messageId.equals(message.getString("messageId"));
        }
    }

    /**
     * A post of the current batch not written yet, which a later event of the batch changes where it waits instead of
     * writing it first and changing it in the store (two more round trips, and its batch's posts no longer written
     * together): a reaction to a message just posted, say.
     */
    static final class Pending {
        private final Insert insert;

        private Pending(Insert insert) {
            this.insert = insert;
        }

        /** The message as it will be inserted (not to be changed but through {@link #set}). */
        Document message() {
            return insert.document;
        }

        void set(String field, Object value) {
            insert.document.put(field, value);
            insert.changed.add(field);
        }
    }

    /** Inserts the message with its batch, or now when there is no batch (or batches are off after a failure). */
    Insert add(String id, Document message) {
        Insert insert = new Insert(id, message);
        inserts.add(id, insert);
        return insert;
    }

    /** The message, if the current batch posted it and has not written it yet. */
    Optional<Pending> pending(String conversationId, String messageId) {
        return inserts.pending(insert -> insert.isMessage(conversationId, messageId))
                .map(Pending::new);
    }

    /** Writes the current batch's pending messages, if any. */
    void flush() {
        inserts.flush();
    }

    private void insertNow(Insert insert) {
        try {
            messages.insertOne(insert.document);
            insert.inserted = true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            insert.inserted = false;
        }
    }

    private void insertAll(List<Insert> inserts) {
        Set<Integer> alreadyThere = Set.of();
        try {
            messages.bulkWrite(
                    inserts.stream()
                            .map(insert -> new InsertOneModel<>(insert.document))
                            .toList(),
                    new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a message stored before (a retried batch, here or on another node) is not a failure: it is there
            if (!e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            alreadyThere =
                    e.getWriteErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
        }
        for (int i = 0; i < inserts.size(); i++) {
            inserts.get(i).inserted = !alreadyThere.contains(i);
            if (alreadyThere.contains(i)) {
                applyChangesTo(inserts.get(i));
            }
        }
    }

    /**
     * A message changed while pending that was there already (stored by another node, or by an earlier try of the
     * batch) gets those changes, unless a later change is stored. They are the changes of the events that followed the
     * post in this batch, all of them, so they bring the stored message to what the batch's last change made of it.
     */
    private void applyChangesTo(Insert insert) {
        if (insert.changed.isEmpty()) {
            return;
        }
        messages.updateOne(
                Filters.and(Filters.eq("_id", insert.id), Filters.lt("changeSeq", insert.document.get("changeSeq"))),
                Updates.combine(insert.changed.stream()
                        .map(field -> Updates.set(field, insert.document.get(field)))
                        .toList()));
    }
}
