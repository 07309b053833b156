package dev.studybuddy.query.realtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The STOMP sessions each user holds on this node, at most {@code max} at once: each session costs the node its
 * buffers and up to {@code max-subscriptions} subscriptions, so the subscription quota alone would not bound what one
 * account may hold open. Counted per node, like the other limits (two nodes: twice as many in all).
 *
 * <p>A session's close can be handled on another thread than its CONNECT (the server closes it when its access token
 * is revoked, say), before or while the CONNECT is admitted: one lock keeps the two maps in step, and a close that
 * came first is remembered, so that the CONNECT it overtook is not counted. Counted, such a session was held for
 * good, and enough of them locked the user out of this node.
 */
@Component
class ConnectionQuota {

    private final Map<UUID, Set<String>> sessionsByUser = new HashMap<>();
    private final Map<String, UUID> userBySession = new HashMap<>();
    // a close overtakes its CONNECT by moments; kept by age, so that a flood of closes cannot push one out early
    private final Cache<String, Boolean> closedBeforeAdmitted = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000_000)
            .build();

    /**
     * @return whether {@code userId} may hold this session too (one it holds already: yes); if so, it is counted. A
     *     session closed already is not admitted.
     */
    synchronized boolean admit(UUID userId, String sessionId, int max) {
        if (closedBeforeAdmitted.asMap().remove(sessionId) != null) {
            return false;
        }
        Set<String> sessions = sessionsByUser.computeIfAbsent(userId, user -> new HashSet<>());
        if (!sessions.contains(sessionId) && sessions.size() >= max) {
            return false;
        }
        sessions.add(sessionId);
        userBySession.put(sessionId, userId);
        return true;
    }

    @EventListener
    synchronized void closed(SessionDisconnectEvent event) {
        String sessionId = event.getSessionId();
        UUID userId = userBySession.remove(sessionId);
        if (userId == null) {
            closedBeforeAdmitted.put(sessionId, Boolean.TRUE);
            return;
        }
        Set<String> sessions = sessionsByUser.get(userId);
        sessions.remove(sessionId);
        if (sessions.isEmpty()) {
            sessionsByUser.remove(userId);
        }
    }
}
