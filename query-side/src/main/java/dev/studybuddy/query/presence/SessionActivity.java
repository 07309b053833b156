package dev.studybuddy.query.presence;

import dev.studybuddy.platform.scheduling.LifecyclePhases;
import dev.studybuddy.platform.scheduling.PeriodicTask;
import dev.studybuddy.query.realtime.ClientActivity;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * This node's part of users' presence: which users hold a STOMP session here, and when each was last active.
 * <p>
 * <b>Activity</b> is a frame the client sends that the user caused: CONNECT, SUBSCRIBE, UNSUBSCRIBE and SEND (a
 * typing signal, or {@code /app/presence.active}, which a client sends on user input while nothing else is sent).
 * Heart-beats are not activity: an open, unattended tab sends them too. It registers behind
 * {@code StompAuthorization}, so a refused frame counts for nothing.
 * <p>
 * Redis ({@link PresenceBoard}) is written from one thread of its own, in the order of the changes, and never by
 * the thread handling a frame: a slow or absent Redis delays presence, never a frame. A user's activity is written
 * at most every {@code away-after / 10} per node; every {@code refresh-interval} the node renews its users'
 * connection entries, announces those whose activity here is older than {@code away-after} ({@link PresenceChanges}
 * decides whether they are away everywhere, and tells only a change), and announces the users whose connection entries
 * have all lapsed: those of a node that crashed.
 */
@Component
public class SessionActivity implements ClientActivity, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionActivity.class);

    private final PresenceBoard board;
    private final PresenceChanges changes;
    private final PresenceProperties properties;
    private final Map<String, UUID> sessions = new ConcurrentHashMap<>();
    /** Touched by the writer thread only. */
    private final Map<UUID, LocalUser> users = new HashMap<>();

    private volatile PeriodicTask writer;

    SessionActivity(PresenceBoard board, PresenceChanges changes, PresenceProperties properties) {
        this.board = board;
        this.changes = changes;
        this.properties = properties;
    }

    @Override
    public void start() {
        writer = PeriodicTask.every(properties.refreshInterval(), "presence-activity", () -> guarded(this::refresh))
                .finishingWithin(Duration.ofSeconds(5));
        writer.start();
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null || accessor.getSessionId() == null) {
            return message;
        }
        StompCommand command = accessor.getCommand();
        Principal user = accessor.getUser();
        if (user == null || command == StompCommand.DISCONNECT) {
            return message;
        }
        UUID userId = UUID.fromString(user.getName());
        Instant at = board.now();
        String session = accessor.getSessionId();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            if (sessions.putIfAbsent(session, userId) == null) {
                write(() -> opened(userId, at));
            }
        } else if (sessions.containsKey(session)) {
            // a frame of a session already gone must not open it again
            write(() -> active(userId, at));
        }
        return message;
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        UUID userId = sessions.remove(event.getSessionId());
        if (userId != null) {
            write(() -> closed(userId));
        }
    }

    /** The user changed who may see their presence: their friends hear what they see now. */
    public void reannounce(UUID userId) {
        write(() -> changes.announce(userId));
    }

    private void opened(UUID userId, Instant at) {
        LocalUser local = users.computeIfAbsent(userId, id -> new LocalUser());
        local.sessions++;
        if (local.sessions == 1) {
            board.connected(List.of(userId));
        }
        active(userId, at);
    }

    private void active(UUID userId, Instant at) {
        LocalUser local = users.get(userId);
        if (local == null) {
            return;
        }
        local.lastActive = at;
        if (local.lastWritten == null || !at.isBefore(local.lastWritten.plus(properties.activityWriteInterval()))) {
            local.lastWritten = at;
            board.active(userId, at);
            changes.announce(userId);
        }
    }

    private void closed(UUID userId) {
        LocalUser local = users.get(userId);
        if (local == null || --local.sessions > 0) {
            return;
        }
        users.remove(userId);
        gone(userId);
    }

    private void gone(UUID userId) {
        board.disconnected(userId);
        changes.announce(userId);
        board.forgetIfHeldNowhere(userId);
    }

    /**
     * Renews this node's connections, and looks again at each user idle here for {@code away-after}: every refresh, not
     * once, since the activity that kept them online may have been on another node that has since lost them (the
     * swap in Redis announces a change once). Looks again too at a user another node had taken for gone (this node
     * renewed late). Then announces the users of nodes that have stopped renewing theirs, a refresh after their
     * entries lapsed, so that a node merely late is not taken for crashed.
     */
    private void refresh() {
        Instant now = board.now();
        List<UUID> lookAgain = new ArrayList<>(board.connected(users.keySet()));
        Instant awaySince = now.minus(properties.awayAfter());
        users.forEach((userId, local) -> {
            if (local.lastActive.isBefore(awaySince)) {
                lookAgain.add(userId);
            }
        });
        guarded(() -> changes.announceAll(lookAgain));
        guarded(() -> changes.announceAll(board.takeLapsedBy(now.minus(properties.refreshInterval()))));
    }

    private void write(Runnable change) {
        try {
            writer.execute(() -> guarded(change));
        } catch (RejectedExecutionException e) {
            log.debug("Presence change after shutdown not written; the entries lapse");
        }
    }

    private static void guarded(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            log.warn("Could not keep presence in Redis; the next refresh mends it", e);
        }
    }

    /**
     * Takes this node's connections out of Redis on a graceful stop, rather than leaving them to lapse: after the web
     * server has closed its sessions, before Redis's connection factory stops (see {@link #getPhase}).
     */
    @Override
    public void stop() {
        write(() -> new ArrayList<>(users.keySet()).forEach(userId -> {
            users.remove(userId);
            gone(userId);
        }));
        writer.stop();
    }

    @Override
    public boolean isRunning() {
        return writer != null && writer.isRunning();
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.AFTER_REQUESTS_BEFORE_REDIS;
    }

    private static final class LocalUser {
        int sessions;
        Instant lastActive;
        Instant lastWritten;
    }
}
