package dev.studybuddy.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
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
        redis.convertAndSend(channelOf(notification.recipient()), json.writeValueAsString(Frame.of(notification)));
    }

    /** The frame query-side forwards to the recipient (its {@code LiveUpdate.NotificationArrived}). */
    record Frame(String type, UUID recipient, Item notification) {

        static Frame of(PendingDelivery notification) {
            return new Frame(
                    "notification",
                    notification.recipient(),
                    new Item(notification.id(), notification.type(), notification.payload(), notification.createdAt()));
        }
    }

    /**
     * The notification as the inbox shows it, without {@code readAt} (it is new); the payload is the stored JSON as
     * it is, like the inbox's.
     */
    record Item(UUID id, String type, Map<String, Object> payload, Instant createdAt) {}
}
