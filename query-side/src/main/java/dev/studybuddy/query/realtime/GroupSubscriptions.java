package dev.studybuddy.query.realtime;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * This node's WebSocket sessions, their users and their group subscriptions. When a member leaves or
 * is removed or banned ({@link LiveUpdate.MemberLeft} through Redis), every node ends that user's local
 * subscriptions to the group's topic, and until they join again refuses to deliver the group's frames
 * to them and refuses their new subscriptions, even if the groups read model still lags.
 */
@Component
public class GroupSubscriptions {

    static final String GROUP_TOPIC_PREFIX = "/topic/groups.";

    private final ApplicationContext context;
    private final Presence presence;
    private final Map<String, UUID> users = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicLong subscriptionsMade = new AtomicLong();

    GroupSubscriptions(ApplicationContext context, Presence presence) {
        this.context = context;
        this.presence = presence;
    }

    /** The group of a {@code /topic/groups.{groupId}} destination. */
    static Optional<UUID> groupOf(String destination) {
        if (destination == null || !destination.startsWith(GROUP_TOPIC_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(destination.substring(GROUP_TOPIC_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void connected(String sessionId, UUID userId) {
        users.put(sessionId, userId);
    }

    void subscribed(String sessionId, String subscriptionId, String destination) {
        subscriptions
                .computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>())
                .put(subscriptionId, new Subscription(destination, subscriptionsMade.incrementAndGet()));
    }

    void unsubscribed(String sessionId, String subscriptionId) {
        Map<String, Subscription> ofSession = subscriptions.get(sessionId);
        if (ofSession != null) {
            ofSession.remove(subscriptionId);
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        users.remove(event.getSessionId());
        subscriptions.remove(event.getSessionId());
    }

    boolean isRevoked(UUID groupId, UUID userId) {
        return revoked.contains(groupId + "|" + userId);
    }

    /** Whether a frame for {@code destination} may still go to this session. */
    boolean delivers(String sessionId, String destination) {
        UUID userId = users.get(sessionId);
        return groupOf(destination)
                .map(groupId -> userId == null || !isRevoked(groupId, userId))
                .orElse(true);
    }

    /** Ends the user's local subscriptions to the group's topic (and so their presence in it). */
    void revoke(UUID groupId, UUID userId) {
        revoked.add(groupId + "|" + userId);
        endSubscriptions(groupId, userId, Long.MAX_VALUE);
    }

    /** The groups each user is subscribed to here, as of now. */
    Subscribed subscribedGroupsByUser() {
        long madeSoFar = subscriptionsMade.get();
        Map<UUID, Set<UUID>> found = new HashMap<>();
        subscriptions.forEach((sessionId, ofSession) -> {
            UUID userId = users.get(sessionId);
            if (userId != null) {
                ofSession.values().stream()
                        .filter(subscription -> subscription.serial() <= madeSoFar)
                        .forEach(subscription -> groupOf(subscription.destination())
                                .ifPresent(groupId -> found.computeIfAbsent(userId, user -> new HashSet<>())
                                        .add(groupId)));
            }
        });
        return new Subscribed(found, madeSoFar);
    }

    /**
     * Ends the user's local subscriptions to the group's topic that were made by the time {@code asOf} was taken,
     * without refusing new ones (each is checked against the read model anyway). A subscription made since was
     * checked against a later roster than whoever asks to end them read: a user who joined again in between keeps it.
     */
    void endSubscriptions(UUID groupId, UUID userId, Subscribed asOf) {
        endSubscriptions(groupId, userId, asOf.madeSoFar());
    }

    private void endSubscriptions(UUID groupId, UUID userId, long madeSoFar) {
        String destination = GROUP_TOPIC_PREFIX + groupId;
        SimpleBrokerMessageHandler broker =
                context.getBean("simpleBrokerMessageHandler", SimpleBrokerMessageHandler.class);
        users.forEach((sessionId, user) -> {
            if (!user.equals(userId)) {
                return;
            }
            Map<String, Subscription> ofSession = subscriptions.getOrDefault(sessionId, Map.of());
            ofSession.entrySet().removeIf(subscription -> {
                if (!subscription.getValue().destination().equals(destination)
                        || subscription.getValue().serial() > madeSoFar) {
                    return false;
                }
                broker.getSubscriptionRegistry().unregisterSubscription(unsubscribe(sessionId, subscription.getKey()));
                presence.unsubscribed(sessionId, subscription.getKey());
                return true;
            });
        });
    }

    void restore(UUID groupId, UUID userId) {
        revoked.remove(groupId + "|" + userId);
    }

    /** How many sessions this node holds (for tests and the benchmark). */
    public int sessions() {
        return users.size();
    }

    /**
     * @param groupsByUser the groups each user was subscribed to
     * @param madeSoFar    how many subscriptions this node had made when they were read
     */
    record Subscribed(Map<UUID, Set<UUID>> groupsByUser, long madeSoFar) {}

    /** @param serial the order in which this node made it */
    private record Subscription(String destination, long serial) {}

    private static Message<byte[]> unsubscribe(String sessionId, String subscriptionId) {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
        accessor.setSessionId(sessionId);
        accessor.setSubscriptionId(subscriptionId);
        return MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());
    }
}
