package dev.studybuddy.query.chat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
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
 * {@code <userId>|<conversationId>}.
 */
@Component
public class DirectConversations {

    static final String COLLECTION = "chat_direct_conversations";

    private final MongoDatabase database;

    DirectConversations(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        ensureIndexes();
    }

    private void ensureIndexes() {
        collection().createIndex(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("lastAt")));
    }

    /** For a replay: rebuilt from the first event. */
    void drop() {
        collection().drop();
        ensureIndexes();
    }

    /** Records the latest message of a direct conversation for one of its two users. */
    void record(UUID userId, UUID otherUserId, String conversationId, long seq, Instant at) {
        String id = userId + "|" + conversationId;
        Document found = collection().find(Filters.eq("_id", id)).first();
        if (found == null || found.getLong("lastSeq") < seq) {
            collection()
                    .replaceOne(
                            Filters.eq("_id", id),
                            new Document("_id", id)
                                    .append("userId", userId.toString())
                                    .append("otherUserId", otherUserId.toString())
                                    .append("conversationId", conversationId)
                                    .append("lastSeq", seq)
                                    .append("lastAt", Date.from(at)),
                            new ReplaceOptions().upsert(true));
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
