package dev.studybuddy.query.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes what WebSocket clients should see to Redis, for every query-side node to forward to its
 * own sessions. Pub/sub is at-most-once and clients catch up over REST ({@code afterSeq}), so a failed
 * publish is logged and dropped rather than failing (and endlessly retrying) the projection that made it.
 */
@Component
public class RealtimeUpdates {

    public static final String MESSAGE_POSTED = "message.posted";
    public static final String MESSAGE_EDITED = "message.edited";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String ATTACHMENT_REMOVED = "attachment.removed";
    public static final String MEMBER_JOINED = "member.joined";
    public static final String MEMBER_LEFT = "member.left";
    public static final String TYPING = "typing";

    private static final Logger log = LoggerFactory.getLogger(RealtimeUpdates.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final FanOutMetrics metrics;

    RealtimeUpdates(StringRedisTemplate redis, ObjectMapper json, FanOutMetrics metrics) {
        this.redis = redis;
        this.json = json;
        this.metrics = metrics;
    }

    /** A frame for {@code /topic/groups.{groupId}}. */
    public void toGroup(UUID groupId, String type, String conversationId, Long seq, Map<String, Object> fields) {
        publish(RedisChannels.group(groupId), frame(type, conversationId, seq, fields));
    }

    /** A frame for both users of the friendship, on their {@code /user/queue/direct}. */
    public void toPair(String friendshipId, String type, String conversationId, long seq, Map<String, Object> fields) {
        publish(RedisChannels.direct(friendshipId), frame(type, conversationId, seq, fields));
    }

    private static Map<String, Object> frame(String type, String conversationId, Long seq, Map<String, Object> fields) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("conversationId", conversationId);
        if (seq != null) {
            frame.put("seq", seq);
        }
        frame.putAll(fields);
        return frame;
    }

    private void publish(String channel, Map<String, Object> frame) {
        try {
            redis.convertAndSend(channel, json.writeValueAsString(frame));
            metrics.published(channel);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Could not publish a {} update on {}; clients catch up over REST", frame.get("type"), channel, e);
        }
    }
}
