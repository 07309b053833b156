package dev.studybuddy.query.realtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * {@code studybuddy_websocket_sessions}: the STOMP sessions open on this node, from the CONNECTED sent
 * to an authenticated client until the session ends. Kept as a set of session ids because Spring may
 * announce one session's end more than once; a refused CONNECT never counts.
 */
@Component
class WebSocketSessions {

    private final Set<String> open = ConcurrentHashMap.newKeySet();

    WebSocketSessions(MeterRegistry registry) {
        Gauge.builder("studybuddy.websocket.sessions", open, Set::size)
                .description("STOMP sessions open on this node")
                .register(registry);
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        String session = event.getMessage().getHeaders().get("simpSessionId", String.class);
        if (session != null) {
            open.add(session);
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        open.remove(event.getSessionId());
    }
}
