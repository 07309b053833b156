package dev.studybuddy.query.realtime;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The STOMP sessions each user holds on this node, at most {@code max} at once: each session costs the node its
 * buffers and up to {@code max-subscriptions} subscriptions, so the subscription quota alone would not bound what one
 * account may hold open. Counted per node, like the other limits (two nodes: twice as many in all).
 */
@Component
class ConnectionQuota {

    private final Map<UUID, Set<String>> sessionsByUser = new ConcurrentHashMap<>();
    private final Map<String, UUID> userBySession = new ConcurrentHashMap<>();

    /** @return whether {@code userId} may hold this session too (one it holds already: yes); if so, it is counted */
    boolean admit(UUID userId, String sessionId, int max) {
        boolean[] admitted = {false};
        sessionsByUser.compute(userId, (user, held) -> {
            Set<String> sessions = held == null ? ConcurrentHashMap.newKeySet() : held;
            if (sessions.contains(sessionId) || sessions.size() < max) {
                sessions.add(sessionId);
                admitted[0] = true;
            }
            return sessions.isEmpty() ? null : sessions;
        });
        if (admitted[0]) {
            userBySession.put(sessionId, userId);
        }
        return admitted[0];
    }

    @EventListener
    void closed(SessionDisconnectEvent event) {
        UUID userId = userBySession.remove(event.getSessionId());
        if (userId != null) {
            sessionsByUser.computeIfPresent(userId, (user, held) -> {
                held.remove(event.getSessionId());
                return held.isEmpty() ? null : held;
            });
        }
    }
}
