package dev.studybuddy.query.chat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.studybuddy.query.consistency.BatchedWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * Each user's direct conversations with their latest message: {@code chat_direct_conversations}, {@code _id}
 * {@code <userId>|<conversationId>}. A batch's messages are recorded together ({@link BatchedWrites}), one write per
 * user and conversation however many messages the batch holds; each write only moves a conversation forward.
 */
@Component
public class DirectConversations {

    static final String COLLECTION = "chat_direct_conversations";

    private final MongoDatabase database;
    private final BatchedWrites<String, Latest> latest;

    DirectConversations(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.latest = new BatchedWrites<>(
                COLLECTION,
                this::writeAll,
                this::write,
                (earlier, later) -> later.seq() > earlier.seq() ? later : earlier,
                Clock.systemUTC());
        ensureIndexes();
    }

    private void ensureIndexes() {
        collection().createIndex(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("lastAt")));
    }

    /** For a replay: rebuilt from the first event. */
    void drop() {
        latest.flush();
        collection().drop();
        ensureIndexes();
    }

    /** Records the latest message of a direct conversation for one of its two users. */
    void record(UUID userId, UUID otherUserId, String conversationId, long seq, Instant at) {
        Latest message = new Latest(userId + "|" + conversationId, userId, otherUserId, conversationId, seq, at);
        latest.add(message.id(), message);
    }

    /** A conversation's latest message for one of its users. */
    private record Latest(String id, UUID userId, UUID otherUserId, String conversationId, long seq, Instant at) {

        /**
         * Sets the conversation to this message unless it is at a later one already. Then the filter matches nothing
         * and the upsert's insert collides with the document's {@code _id}: a duplicate key, which leaves it as it is.
         */
        UpdateOneModel<Document> model() {
            return new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", id), Filters.lt("lastSeq", seq)),
                    Updates.combine(
                            Updates.set("userId", userId.toString()),
                            Updates.set("otherUserId", otherUserId.toString()),
                            Updates.set("conversationId", conversationId),
                            Updates.set("lastSeq", seq),
                            Updates.set("lastAt", Date.from(at))),
                    new UpdateOptions().upsert(true));
        }
    }

    private void write(Latest message) {
        UpdateOneModel<Document> model = message.model();
        try {
            collection().updateOne(model.getFilter(), model.getUpdate(), model.getOptions());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private void writeAll(List<Latest> messages) {
        try {
            collection()
                    .bulkWrite(messages.stream().map(Latest::model).toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /** The user's direct conversations, latest activity first, after the keyset position {@code after}. */
    public List<DirectConversationEntry> of(UUID userId, DirectConversationEntry.Key after, int limit) {
        Bson mine = Filters.eq("userId", userId.toString());
        Bson filter = after == null
                ? mine
                : Filters.and(
                        mine,
                        Filters.or(
                                Filters.lt("lastAt", Date.from(after.lastAt())),
                                Filters.and(
                                        Filters.eq("lastAt", Date.from(after.lastAt())),
                                        Filters.gt("conversationId", after.conversationId()))));
        List<DirectConversationEntry> entries = new ArrayList<>();
        for (Document document : collection()
                .find(filter)
                .sort(Sorts.orderBy(Sorts.descending("lastAt"), Sorts.ascending("conversationId")))
                .limit(limit)) {
            entries.add(new DirectConversationEntry(
                    UUID.fromString(document.getString("otherUserId")),
                    document.getString("conversationId"),
                    document.getDate("lastAt").toInstant()));
        }
        return entries;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
