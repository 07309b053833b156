package dev.studybuddy.query.realtime;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import dev.studybuddy.platform.security.SecurityStamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * A STOMP session lives no longer than the access token it was opened with: it ends (an ERROR frame, then the
 * close) when the token expires, when its user's security stamp moves on (roles changed, account closed,
 * signed out everywhere), or when the sign-in session it was issued from ({@code sid}) is ended on its own: that
 * is noticed on the next frame in or the next sweep. The stamp change ends it as soon as this node learns of it ({@link SecurityStamps});
 * every frame in and out is checked as well, and a sweep every {@code token-check-interval} catches sessions
 * that are silent. A frame to a session whose token has expired is never delivered.
 */
@Component
class SessionTokens implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

    private final Map<String, OpenSession> sessions = new ConcurrentHashMap<>();
    private final SecurityStamps stamps;
    private final ObjectProvider<MessageChannel> clientOutbound;
    private final RealtimeProperties properties;
    private final Clock clock = Clock.systemUTC();
    private PeriodicTask sweeper;
    private volatile boolean running;

    SessionTokens(
            SecurityStamps stamps,
            @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound,
            RealtimeProperties properties) {
        this.stamps = stamps;
        this.clientOutbound = clientOutbound;
        this.properties = properties;
        stamps.onChange(this::stampLearned);
    }

    /**
     * The session was opened with a token for {@code userId}, valid until {@code expiresAt}, at {@code stamp}, issued
     * from the sign-in session {@code signInSession} ({@code null} for a token without {@code sid}).
     */
    void opened(String sessionId, UUID userId, Instant expiresAt, long stamp, UUID signInSession) {
        sessions.put(sessionId, new OpenSession(sessionId, userId, expiresAt, stamp, signInSession));
    }

    /**
     * Whether the session's token is still good, checking its stamp against this node's current one; if not, the
     * session is being ended. Unknown sessions (not yet CONNECTed) are not this class's to judge.
     */
    boolean admits(String sessionId) {
        OpenSession session = sessions.get(sessionId);
        if (session == null) {
            return true;
        }
        if (session.ended.get()) {
            return false;
        }
        if (!clock.instant().isBefore(session.expiresAt)) {
            end(session, "The access token has expired.");
            return false;
        }
        long current;
        boolean signedOut;
        try {
            current = stamps.current(session.userId);
            signedOut = stamps.sessionEnded(session.userId, session.signInSession);
        } catch (RuntimeException e) {
            return true; // the authority is out of reach: the token's own expiry still bounds the session
        }
        if (current != session.stamp || signedOut) {
            end(session, "The access token was revoked.");
            return false;
        }
        return true;
    }

    /** As {@link #admits}, but only from what the session holds: cheap enough for every outbound frame. */
    boolean delivers(String sessionId) {
        OpenSession session = sessions.get(sessionId);
        if (session == null) {
            return true;
        }
        if (session.ended.get()) {
            return false;
        }
        if (!clock.instant().isBefore(session.expiresAt)) {
            end(session, "The access token has expired.");
            return false;
        }
        return true;
    }

    @EventListener
    void closed(SessionDisconnectEvent event) {
        sessions.remove(event.getSessionId());
    }

    private void stampLearned(UUID userId, long stamp) {
        sessions.values().stream()
                .filter(session -> session.userId.equals(userId) && session.stamp != stamp)
                .forEach(session -> end(session, "The access token was revoked."));
    }

    private void sweep() {
        try {
            sessions.keySet().forEach(this::admits);
        } catch (RuntimeException e) {
            log.warn("Checking the STOMP sessions' tokens failed", e);
        }
    }

    /** An ERROR frame to the client; Spring's STOMP handler closes the connection after sending it. */
    private void end(OpenSession session, String reason) {
        if (!session.ended.compareAndSet(false, true)) {
            return;
        }
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(session.id);
        clientOutbound
                .getObject()
                .send(MessageBuilder.createMessage(reason.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders()));
    }

    @Override
    public void start() {
        sweeper = PeriodicTask.every(properties.tokenCheckInterval(), "stomp-token-sweep", this::sweep);
        sweeper.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static final class OpenSession {
        final String id;
        final UUID userId;
        final Instant expiresAt;
        final long stamp;
        final UUID signInSession;
        final AtomicBoolean ended = new AtomicBoolean();

        OpenSession(String id, UUID userId, Instant expiresAt, long stamp, UUID signInSession) {
            this.id = id;
            this.userId = userId;
            this.expiresAt = expiresAt;
            this.stamp = stamp;
            this.signInSession = signInSession;
        }
    }
}
