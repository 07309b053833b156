package dev.studybuddy.notification.chat;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a user is reading a conversation right now, as query-side's WebSocket nodes record it in Redis
 * (the contract is in the README, "Presence"): the set {@code studybuddy:presence:{userId}} holds the ids of
 * the conversations the user's open sessions are subscribed to, {@code group:<groupId>} and
 * {@code direct:<friendshipId>}, or {@code direct:*} for a subscription to every direct conversation.
 * An absent key, and Redis being unreachable, both count as "not connected": a mail too many is better than
 * a message nobody sees.
 */
@Component
public class Presence {

    static final String KEY_PREFIX = "studybuddy:presence:";
    static final String EVERY_DIRECT_CONVERSATION = "direct:*";
    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final StringRedisTemplate redis;

    Presence(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public boolean isConnected(UUID userId, String conversationId) {
        try {
            String key = KEY_PREFIX + userId;
            if (Boolean.TRUE.equals(redis.opsForSet().isMember(key, conversationId))) {
                return true;
            }
            return conversationId.startsWith("direct:")
                    && Boolean.TRUE.equals(redis.opsForSet().isMember(key, EVERY_DIRECT_CONVERSATION));
        } catch (RuntimeException e) {
            log.warn("Presence of {} unknown (Redis unavailable), treated as not connected: {}", userId, e.toString());
            return false;
        }
    }

    public static String groupConversation(UUID groupId) {
        return "group:" + groupId;
    }

    public static String directConversation(String friendshipId) {
        return "direct:" + friendshipId;
    }
}
