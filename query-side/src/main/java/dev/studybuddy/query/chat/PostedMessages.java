package dev.studybuddy.query.chat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.studybuddy.query.consistency.BatchedWrites;
import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Inserts the messages a processor's batch posts with one bulk write ({@link BatchedWrites}) instead of one write (and
 * one durable commit of the store) per message: a replay or a busy live feed is mostly posts. Whatever else touches
 * {@code chat_messages} in the batch asks for {@link #flush()} first, so the batch reads and changes its own posts in
 * order.
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
        private Boolean inserted;

        private Insert(String id, Document message) {
            this.id = id;
            this.message = message;
        }

        boolean written() {
            return inserted != null;
        }

        boolean inserted() {
            return Boolean.TRUE.equals(inserted);
        }

        private UpdateOneModel<Document> model() {
            return new UpdateOneModel<>(Filters.eq("_id", id), onInsert(message), new UpdateOptions().upsert(true));
        }
    }

    /** Inserts the message with its batch, or now when there is no batch (or batches are off after a failure). */
    Insert add(String id, Document message) {
        Insert insert = new Insert(id, message);
        inserts.add(id, insert);
        return insert;
    }

    /** Writes the current batch's pending messages, if any. */
    void flush() {
        inserts.flush();
    }

    private void insertNow(Insert insert) {
        try {
            UpdateOneModel<Document> model = insert.model();
            insert.inserted = messages.updateOne(model.getFilter(), model.getUpdate(), model.getOptions())
                            .getUpsertedId()
                    != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            insert.inserted = false;
        }
    }

    private void insertAll(List<Insert> inserts) {
        List<BulkWriteUpsert> upserts;
        try {
            upserts = messages.bulkWrite(
                            inserts.stream().map(Insert::model).toList(), new BulkWriteOptions().ordered(false))
                    .getUpserts();
        } catch (MongoBulkWriteException e) {
            // a racing upsert of the same message (a retried batch on another node) is not a failure: it is there
            if (!e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            upserts = e.getWriteResult().getUpserts();
        }
        inserts.forEach(insert -> insert.inserted = false);
        upserts.forEach(upsert -> inserts.get(upsert.getIndex()).inserted = true);
    }

    private static Bson onInsert(Document message) {
        return Updates.combine(message.entrySet().stream()
                .map(field -> Updates.setOnInsert(field.getKey(), field.getValue()))
                .toList());
    }
}
