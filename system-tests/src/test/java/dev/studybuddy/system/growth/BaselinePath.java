package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * What the chat projection does for one posted message, without command, event store or processor: the
 * same view document upserted into {@code chat_messages} of the same MongoDB (query-side's ChatViews.posted),
 * read back as ChatViews.changedBy does, and the same {@code message.posted} frame published on the group's
 * Redis channel, which both query nodes forward to their subscribers. Its documents live in conversations of
 * their own ({@code bench-baseline:<groupId>}), so the groups' real views are left alone.
 */
final class BaselinePath implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoClient mongo;
    private final MongoCollection<Document> messages;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redis;
    private final AtomicLong seq = new AtomicLong();

    BaselinePath(String mongoUri, String database, String redisUri) {
        mongo = MongoClients.create(mongoUri);
        messages = mongo.getDatabase(database).getCollection("chat_messages");
        redisClient = RedisClient.create(redisUri);
        redis = redisClient.connect();
    }

    void post(UUID groupId, UUID senderId, String body) throws Exception {
        String conversationId = "bench-baseline:" + groupId;
        long at = seq.incrementAndGet();
        String messageId = UUID.randomUUID().toString();
        Date postedAt = Date.from(Instant.now());
        messages.updateOne(
                Filters.eq("_id", conversationId + "#" + at),
                Updates.combine(
                        Updates.setOnInsert("conversationId", conversationId),
                        Updates.setOnInsert("seq", at),
                        Updates.setOnInsert("changeSeq", at),
                        Updates.setOnInsert("messageId", messageId),
                        Updates.setOnInsert("senderId", senderId.toString()),
                        Updates.setOnInsert("body", body),
                        Updates.setOnInsert("mentions", List.of()),
                        Updates.setOnInsert("replyTo", null),
                        Updates.setOnInsert("attachments", List.of()),
                        Updates.setOnInsert("postedAt", postedAt),
                        Updates.setOnInsert("editedAt", null),
                        Updates.setOnInsert("deletedAt", null),
                        Updates.setOnInsert("deleted", false)),
                new UpdateOptions().upsert(true));
        Document stored = messages.find(
                        Filters.and(Filters.eq("conversationId", conversationId), Filters.eq("messageId", messageId)))
                .first();
        if (stored == null) {
            throw new IllegalStateException("the view document just written is not there");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("conversationId", conversationId);
        message.put("seq", at);
        message.put("changeSeq", at);
        message.put("messageId", messageId);
        message.put("senderId", senderId.toString());
        message.put("body", stored.getString("body"));
        message.put("mentions", List.of());
        message.put("replyTo", null);
        message.put("attachments", List.of());
        message.put("postedAt", postedAt.toInstant().toString());
        message.put("editedAt", null);
        message.put("deletedAt", null);
        message.put("deleted", false);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message.posted");
        frame.put("conversationId", conversationId);
        frame.put("seq", at);
        frame.put("message", message);
        redis.sync().publish("studybuddy:chat:group:" + groupId, JSON.writeValueAsString(frame));
    }

    @Override
    public void close() {
        redis.close();
        redisClient.shutdown();
        mongo.close();
    }
}
