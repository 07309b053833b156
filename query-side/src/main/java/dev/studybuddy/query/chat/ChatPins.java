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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * The messages pinned in each conversation: {@code chat_pins}, {@code _id} {@code <conversationId>|<messageId>}, with the
 * pin's event {@code seq}, {@code pinnedBy} and {@code pinnedAt}; each pin is shown with its message from
 * {@link ChatViews}.
 */
@Component
class ChatPins {

    static final String COLLECTION = "chat_pins";

    private final MongoDatabase database;
    private final ChatViews messages;

    ChatPins(MongoClient mongoClient, MongoProperties mongoProperties, ChatViews messages) {
        this.database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.messages = messages;
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

    /**
     * Pins the message; {@code seq} is the pinning event's. A repeat of the event (a retried batch) writes the same
     * document again; the aggregate pins a message only once until it is unpinned.
     */
    void pinned(String conversationId, long seq, UUID messageId, UUID pinnedBy, Instant at) {
        String id = pinId(conversationId, messageId);
        collection()
                .replaceOne(
                        Filters.eq("_id", id),
                        new Document("_id", id)
                                .append("conversationId", conversationId)
                                .append("seq", seq)
                                .append("messageId", messageId.toString())
                                .append("pinnedBy", pinnedBy.toString())
                                .append("pinnedAt", Date.from(at)),
                        new ReplaceOptions().upsert(true));
    }

    void unpinned(String conversationId, UUID messageId) {
        collection().deleteOne(Filters.eq("_id", pinId(conversationId, messageId)));
    }

    /** The conversation's pinned messages, the latest pin first (at most {@code limit}; the aggregate keeps fewer). */
    List<PinnedMessageView> pins(String conversationId, int limit, UUID viewer) {
        return pinViews(
                collection()
                        .find(Filters.eq("conversationId", conversationId))
                        .sort(Sorts.descending("seq"))
                        .limit(limit),
                viewer);
    }

    Optional<PinnedMessageView> pin(String conversationId, UUID messageId) {
        return pinViews(collection().find(Filters.eq("_id", pinId(conversationId, messageId))), null).stream()
                .findFirst();
    }

    private List<PinnedMessageView> pinViews(Iterable<Document> found, UUID viewer) {
        List<Document> pinDocuments = new ArrayList<>();
        found.forEach(pinDocuments::add);
        if (pinDocuments.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> idsByConversation = new LinkedHashMap<>();
        pinDocuments.forEach(pin -> idsByConversation
                .computeIfAbsent(pin.getString("conversationId"), key -> new ArrayList<>())
                .add(pin.getString("messageId")));
        Map<String, ChatMessageView> pinned = new LinkedHashMap<>();
        idsByConversation.forEach((conversationId, messageIds) -> messages.withIds(conversationId, messageIds, viewer)
                .forEach(message -> pinned.put(pinId(conversationId, message.messageId()), message)));
        return pinDocuments.stream()
                .map(pin -> new PinnedMessageView(
                        pin.getLong("seq"),
                        UUID.fromString(pin.getString("messageId")),
                        UUID.fromString(pin.getString("pinnedBy")),
                        pin.getDate("pinnedAt").toInstant(),
                        pinned.get(pin.getString("_id"))))
                .toList();
    }

    private static String pinId(String conversationId, UUID messageId) {
        return conversationId + "|" + messageId;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
