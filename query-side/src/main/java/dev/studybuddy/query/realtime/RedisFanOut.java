package dev.studybuddy.query.realtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Forwards what arrives on the Redis channels to this node's WebSocket sessions: a group's updates to
 * {@code /topic/groups.{groupId}}, a pair's direct messages to both users' {@code /user/queue/direct},
 * notification-saga's in-app notifications to the recipient's {@code /user/queue/notifications}, a frame for one
 * user of a pair to that user's {@code /user/queue/direct}, a presence change to the {@code /user/queue/presence}
 * of each user in its {@code to} (which the frame then no longer carries). A
 * {@link LiveUpdate.MemberLeft} ({@code member.left}) is delivered to the group (the leaver included) and then
 * ends the leaver's
 * subscriptions here; a {@link LiveUpdate.MemberJoined} lifts that again. Group frames are read as {@link LiveUpdate}s.
 */
@Component
class RedisFanOut implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RedisFanOut.class);
    /** The frames that change subscriptions here; only these are read as {@link LiveUpdate}s. */
    private static final Set<String> SUBSCRIPTION_CHANGES =
            Set.of(LiveUpdate.typeOf(LiveUpdate.MemberJoined.class), LiveUpdate.typeOf(LiveUpdate.MemberLeft.class));

    private final SimpMessagingTemplate clients;
    private final GroupSubscriptions subscriptions;
    private final ObjectMapper json;
    private final FanOutMetrics metrics;

    RedisFanOut(
            SimpMessagingTemplate clients, GroupSubscriptions subscriptions, ObjectMapper json, FanOutMetrics metrics) {
        this.clients = clients;
        this.subscriptions = subscriptions;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
        metrics.received(channel);
        try {
            JsonNode frame = json.readTree(message.getBody());
            if (channel.startsWith(RedisChannels.GROUP_PREFIX)) {
                toGroup(UUID.fromString(channel.substring(RedisChannels.GROUP_PREFIX.length())), frame);
            } else if (channel.startsWith(RedisChannels.DIRECT_PREFIX)) {
                for (UUID user : Conversations.participants(channel.substring(RedisChannels.DIRECT_PREFIX.length()))) {
                    clients.convertAndSendToUser(user.toString(), "/queue/direct", frame);
                }
            } else if (channel.startsWith(RedisChannels.USER_PREFIX)
                    && channel.endsWith(RedisChannels.NOTIFICATIONS_SUFFIX)) {
                String user = channel.substring(
                        RedisChannels.USER_PREFIX.length(),
                        channel.length() - RedisChannels.NOTIFICATIONS_SUFFIX.length());
                clients.convertAndSendToUser(UUID.fromString(user).toString(), "/queue/notifications", frame);
            } else if (channel.startsWith(RedisChannels.USER_PREFIX)
                    && channel.endsWith(RedisChannels.USER_DIRECT_SUFFIX)) {
                String user = channel.substring(
                        RedisChannels.USER_PREFIX.length(),
                        channel.length() - RedisChannels.USER_DIRECT_SUFFIX.length());
                clients.convertAndSendToUser(UUID.fromString(user).toString(), "/queue/direct", frame);
            } else if (channel.equals(RedisChannels.PRESENCE) && frame instanceof ObjectNode presence) {
                List<UUID> to = json.treeToValue(presence, Addressed.class).to();
                presence.remove(Addressed.TO);
                if (to != null) {
                    to.forEach(user -> clients.convertAndSendToUser(user.toString(), "/queue/presence", presence));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Dropped an unreadable update on {}", channel, e);
        }
    }

    /**
     * The frame goes out as it came, so that what another node wrote (fields a newer node adds, a type this node
     * does not know) reaches the clients unchanged; its type decides only what happens to subscriptions here.
     */
    private void toGroup(UUID groupId, JsonNode frame) {
        // reading every frame as its type cost the busiest path (message.posted) a second pass over the JSON
        Optional<LiveUpdate> update =
                SUBSCRIPTION_CHANGES.contains(frame.path("type").asText()) ? typed(frame) : Optional.empty();
        if (update.orElse(null) instanceof LiveUpdate.MemberJoined joined && joined.userId() != null) {
            subscriptions.restore(groupId, joined.userId());
        }
        clients.convertAndSend(GroupSubscriptions.GROUP_TOPIC_PREFIX + groupId, frame);
        if (update.orElse(null) instanceof LiveUpdate.MemberLeft left && left.userId() != null) {
            subscriptions.revoke(groupId, left.userId());
        }
    }

    private Optional<LiveUpdate> typed(JsonNode frame) {
        try {
            return Optional.of(json.treeToValue(frame, LiveUpdate.class));
        } catch (InvalidTypeIdException e) {
            log.debug(
                    "Forwarding a {} frame this node does not know",
                    frame.path("type").asText());
            return Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn(
                    "Forwarding a {} frame this node cannot read",
                    frame.path("type").asText(),
                    e);
            return Optional.empty();
        }
    }

    /**
     * Whom a {@link LiveUpdate.PresenceChanged} on Redis is for. Read on its own, so that the rest of the frame goes
     * out as it came (what a newer node adds included), without its recipients.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Addressed(List<UUID> to) {
        static final String TO = "to";
    }
}
