package dev.studybuddy.query.chat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * How far each user has read each conversation: {@code chat_read_positions}, {@code _id} {@code <conversationId>|<userId>}.
 */
@Component
public class ChatReadPositions {

    static final String COLLECTION = "chat_read_positions";

    private final MongoDatabase database;

    ChatReadPositions(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        ensureIndexes();
    }

    private void ensureIndexes() {
        collection().createIndex(Indexes.ascending("conversationId", "seq"));
    }

    /** For a replay: rebuilt from the first event. */
    void drop() {
        collection().drop();
        ensureIndexes();
    }

    /** Moves a user's read position forward (never back); @return whether it moved */
    boolean read(String conversationId, UUID userId, long seq) {
        String id = conversationId + "|" + userId;
        if (of(conversationId, userId) >= seq) {
            return false;
        }
        collection()
                .replaceOne(
                        Filters.eq("_id", id),
                        new Document("_id", id)
                                .append("conversationId", conversationId)
                                .append("userId", userId.toString())
                                .append("seq", seq),
                        new ReplaceOptions().upsert(true));
        return true;
    }

    /** The users whose read position in the conversation is at {@code seq} or beyond, with their positions. */
    Map<UUID, Long> readersFrom(String conversationId, long seq) {
        Map<UUID, Long> readers = new LinkedHashMap<>();
        collection()
                .find(Filters.and(Filters.eq("conversationId", conversationId), Filters.gte("seq", seq)))
                .forEach(document ->
                        readers.put(UUID.fromString(document.getString("userId")), document.getLong("seq")));
        return readers;
    }

    /** The highest seq the user has read, -1 if none. */
    public long of(String conversationId, UUID userId) {
        Document found = collection()
                .find(Filters.eq("_id", conversationId + "|" + userId))
                .first();
        return found == null ? -1 : found.getLong("seq");
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
