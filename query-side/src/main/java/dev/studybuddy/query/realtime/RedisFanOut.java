package dev.studybuddy.query.realtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * subscriptions here; a {@link LiveUpdate.MemberJoined} lifts that again. A group frame is forwarded as the bytes that
 * came, and read as a {@link LiveUpdate} only when its type changes subscriptions.
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
            if (channel.startsWith(RedisChannels.GROUP_PREFIX)) {
                toGroup(UUID.fromString(channel.substring(RedisChannels.GROUP_PREFIX.length())), message.getBody());
                return;
            }
            JsonNode frame = json.readTree(message.getBody());
            if (channel.startsWith(RedisChannels.DIRECT_PREFIX)) {
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
     * The frame goes out as it came, byte for byte, so that what another node wrote (fields a newer node adds, a
     * type this node does not know) reaches the clients unchanged; its type decides only what happens to
     * subscriptions here. Only the type is read: parsing every frame into a tree and writing it out again was a
     * third of this thread's work on the busiest path (message.posted).
     */
    private void toGroup(UUID groupId, byte[] frame) throws IOException {
        String type = FrameType.of(json, frame);
        Optional<LiveUpdate> update = SUBSCRIPTION_CHANGES.contains(type) ? typed(type, frame) : Optional.empty();
        if (update.orElse(null) instanceof LiveUpdate.MemberJoined joined && joined.userId() != null) {
            subscriptions.restore(groupId, joined.userId());
        }
        clients.send(GroupSubscriptions.GROUP_TOPIC_PREFIX + groupId, FrameType.asJson(frame));
        if (update.orElse(null) instanceof LiveUpdate.MemberLeft left && left.userId() != null) {
            subscriptions.revoke(groupId, left.userId());
        }
    }

    private Optional<LiveUpdate> typed(String type, byte[] frame) {
        try {
            return Optional.of(json.readValue(frame, LiveUpdate.class));
        } catch (InvalidTypeIdException e) {
            log.debug("Forwarding a {} frame this node does not know", type);
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Forwarding a {} frame this node cannot read", type, e);
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
