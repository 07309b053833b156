package dev.studybuddy.query.chat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/** What one user wrote and reacted to in the chat views ({@code chat_messages}), for the account export. */
@Component
public class WrittenMessages {

    private final MongoCollection<Document> messages;

    WrittenMessages(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.messages = mongoClient
                .getDatabase(mongoProperties.getMongoClientDatabase())
                .getCollection(ChatViews.MESSAGES);
    }

    /**
     * Every message {@code authorId} wrote, deleted ones included, conversation by conversation in order, read
     * through one cursor in batches of {@code batchSize}, so that a long history is never held in memory.
     * Attachments are not described; reactions are counted, with {@code mine} for the author's own.
     */
    public void forEachWrittenBy(UUID authorId, int batchSize, Consumer<ChatMessageView> action) {
        messages.find(Filters.eq("senderId", authorId.toString()))
                .sort(Sorts.ascending("senderId", "conversationId", "seq"))
                .batchSize(batchSize)
                .forEach(document -> action.accept(ChatMessageView.of(document, Map.of(), authorId)));
    }

    /**
     * Every reaction {@code userId} gives, on anyone's message, in batches of {@code batchSize}: which message and
     * which emoji, nothing else of the message.
     */
    public void forEachReactionBy(UUID userId, int batchSize, Consumer<GivenReaction> action) {
        String user = userId.toString();
        messages.find(Filters.eq("reactions.users", user))
                .projection(
                        new Document("conversationId", 1).append("messageId", 1).append("reactions", 1))
                .batchSize(batchSize)
                .forEach(document -> document.getList("reactions", Document.class).stream()
                        .filter(reaction ->
                                reaction.getList("users", String.class).contains(user))
                        .forEach(reaction -> action.accept(new GivenReaction(
                                document.getString("conversationId"),
                                UUID.fromString(document.getString("messageId")),
                                reaction.getString("emoji")))));
    }

    /** A reaction one user gives to a message. */
    public record GivenReaction(String conversationId, UUID messageId, String emoji) {}
}
