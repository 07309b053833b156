package dev.studybuddy.query.projection;

import dev.studybuddy.platform.messaging.RetryingListenerContainer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.stereotype.Component;

/**
 * Tells the other query-side nodes that a replay request row changed, so that they look at it at once instead of at
 * their next poll ({@link ReplayCoordinator}). At most once, as Redis pub/sub is: the polls stay what every node relies
 * on, and a nudge lost costs a poll interval. A node does not nudge itself.
 */
@Component
class ReplayNudges {

    /** The channel; each message names the node that sent it. */
    static final String CHANNEL = "studybuddy:projection-replays";

    private static final Logger log = LoggerFactory.getLogger(ReplayNudges.class);

    private final StringRedisTemplate redis;
    private final String node = "query-side-" + UUID.randomUUID();
    private RetryingListenerContainer listener;

    ReplayNudges(StringRedisTemplate redis) {
        this.redis = redis;
    }

    void nudgeOtherNodes() {
        try {
            redis.convertAndSend(CHANNEL, node);
        } catch (RuntimeException e) {
            log.debug("Could not nudge the other nodes about a projection replay; they find it at their next poll", e);
        }
    }

    /** Runs {@code onNudge} (on the listener's thread) whenever another node nudges, until {@link #stopListening}. */
    void listen(Runnable onNudge) {
        listener = RetryingListenerContainer.listening(
                "projection-replays",
                redis.getRequiredConnectionFactory(),
                (message, pattern) -> {
                    if (!node.equals(new String(message.getBody(), StandardCharsets.UTF_8))) {
                        onNudge.run();
                    }
                },
                new ChannelTopic(CHANNEL));
    }

    void stopListening() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }
}
