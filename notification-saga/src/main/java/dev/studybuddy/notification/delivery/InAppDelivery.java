package dev.studybuddy.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * In-app delivery: the notification is already in the recipient's inbox (it is its log row); this pushes it
 * to whichever query-side node holds the recipient's WebSocket sessions, over Redis pub/sub. Pub/sub is
 * at-most-once and a recipient may be offline, which is fine: the inbox is the record, and clients drop a
 * push whose id they already have. Redis being down fails the attempt, which is retried.
 */
@Component
class InAppDelivery {

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    InAppDelivery(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String channelOf(UUID userId) {
        return "studybuddy:user:" + userId + ":notifications";
    }

    void deliver(PendingDelivery notification) throws JsonProcessingException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", notification.id().toString());
        item.put("type", notification.type());
        item.put("payload", notification.payload());
        item.put("createdAt", notification.createdAt().toString());
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "notification");
        frame.put("recipient", notification.recipient().toString());
        frame.put("notification", item);
        redis.convertAndSend(channelOf(notification.recipient()), json.writeValueAsString(frame));
    }
}
