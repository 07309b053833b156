package dev.studybuddy.query.realtime;

import dev.studybuddy.platform.security.ExportGrants;
import dev.studybuddy.platform.security.SecurityStampValidator;
import dev.studybuddy.query.group.GroupAccess;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * Every frame a client sends passes here (docs/architecture.md#real-time). CONNECT needs {@code Authorization: Bearer <access
 * token>}, checked by the same {@link JwtDecoder} as the REST API; SUBSCRIBE is allowed to
 * {@code /topic/groups.{groupId}} for that group's members (for nobody while its roster is stalled, see
 * {@link GroupAccess}) and to the user's own {@code /user/queue/direct}, {@code /user/queue/notifications} and
 * {@code /user/queue/presence}; SEND only to {@code /app/groups.{groupId}.typing} by members, at most once per
 * {@code typing-interval} per session (more are dropped), and to {@code /app/presence.active} (activity, see
 * {@code SessionActivity}; nothing handles it). Anything else is refused: the exception becomes an ERROR frame.
 * After CONNECT no frame is accepted once the session's token has expired or
 * been revoked ({@link SessionTokens}). A user holds at most {@code max-sessions-per-user} sessions on a node
 * ({@link ConnectionQuota}), each at most {@code max-subscriptions} subscriptions ({@link SubscriptionQuota}).
 */
@Component
class StompAuthorization implements ChannelInterceptor {

    static final String DIRECT_QUEUE = "/user/queue/direct";
    static final String NOTIFICATIONS_QUEUE = "/user/queue/notifications";
    static final String PRESENCE_QUEUE = "/user/queue/presence";
    static final String ACTIVITY = "/app/presence.active";
    private static final Pattern TYPING =
            Pattern.compile("/app/groups\\.([0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})\\.typing");
    private static final String BEARER = "Bearer ";
    private static final String LAST_TYPING = "studybuddy.lastTyping";

    private final JwtDecoder jwtDecoder;
    private final JwtAuthenticationConverter authentication;
    private final GroupAccess groups;
    private final GroupSubscriptions subscriptions;
    private final Presence presence;
    private final RealtimeProperties properties;
    private final SessionTokens sessionTokens;
    private final ConnectionQuota connections;

    StompAuthorization(
            JwtDecoder jwtDecoder,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            GroupAccess groups,
            GroupSubscriptions subscriptions,
            Presence presence,
            RealtimeProperties properties,
            SessionTokens sessionTokens,
            ConnectionQuota connections) {
        this.sessionTokens = sessionTokens;
        this.connections = connections;
        this.jwtDecoder = jwtDecoder;
        this.authentication = jwtAuthenticationConverter;
        this.groups = groups;
        this.subscriptions = subscriptions;
        this.presence = presence;
        this.properties = properties;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        StompCommand command = accessor.getCommand();
        if (command != StompCommand.CONNECT
                && command != StompCommand.STOMP
                && command != StompCommand.DISCONNECT
                && !sessionTokens.admits(accessor.getSessionId())) {
            throw refused(message, "The session's access token has expired or was revoked; CONNECT again.");
        }
        return switch (command) {
            case CONNECT, STOMP -> connect(message, accessor);
            case SUBSCRIBE -> withinQuota(message, accessor);
            case SEND -> send(message, accessor);
            case UNSUBSCRIBE -> {
                SubscriptionQuota.released(sessionOf(message, accessor), accessor.getSubscriptionId());
                subscriptions.unsubscribed(accessor.getSessionId(), accessor.getSubscriptionId());
                presence.unsubscribed(accessor.getSessionId(), accessor.getSubscriptionId());
                yield message;
            }
            case DISCONNECT -> message;
            default -> throw refused(message, accessor.getCommand() + " is not accepted.");
        };
    }

    private Message<?> connect(Message<?> message, StompHeaderAccessor accessor) {
        String header = accessor.getFirstNativeHeader("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            throw refused(message, "CONNECT needs Authorization: Bearer <access token>.");
        }
        AbstractAuthenticationToken user;
        Jwt token;
        try {
            token = jwtDecoder.decode(header.substring(BEARER.length()).trim());
            user = authentication.convert(token);
        } catch (JwtException e) {
            throw refused(message, "The access token is not valid.");
        }
        if (token.getExpiresAt() == null || !Instant.now().isBefore(token.getExpiresAt())) {
            throw refused(message, "The access token has expired.");
        }
        if (ExportGrants.isGrant(token)) {
            throw refused(message, "An export grant is not an access token.");
        }
        if (!connections.admit(
                UUID.fromString(user.getName()), accessor.getSessionId(), properties.maxSessionsPerUser())) {
            throw refused(
                    message,
                    "A user holds at most " + properties.maxSessionsPerUser()
                            + " connections here at once; DISCONNECT one first.");
        }
        accessor.setUser(user);
        String sid = token.getClaimAsString(SecurityStampValidator.SESSION_CLAIM);
        sessionTokens.opened(
                accessor.getSessionId(),
                UUID.fromString(user.getName()),
                token.getExpiresAt(),
                ((Number) token.getClaims().get(SecurityStampValidator.STAMP_CLAIM)).longValue(),
                sid == null ? null : UUID.fromString(sid));
        subscriptions.connected(accessor.getSessionId(), UUID.fromString(user.getName()));
        return message;
    }

    private Message<?> withinQuota(Message<?> message, StompHeaderAccessor accessor) {
        String id = accessor.getSubscriptionId();
        if (id == null || id.isEmpty()) {
            throw refused(message, "SUBSCRIBE needs an id.");
        }
        Map<String, Object> session = sessionOf(message, accessor);
        if (!SubscriptionQuota.admits(session, id, properties.maxSubscriptions())) {
            throw refused(
                    message,
                    "A connection holds at most " + properties.maxSubscriptions()
                            + " subscriptions; UNSUBSCRIBE one first.");
        }
        Message<?> accepted = subscribe(message, accessor);
        SubscriptionQuota.taken(session, id);
        return accepted;
    }

    private static Map<String, Object> sessionOf(Message<?> message, StompHeaderAccessor accessor) {
        Map<String, Object> session = accessor.getSessionAttributes();
        if (session == null) {
            throw refused(message, "CONNECT first.");
        }
        return session;
    }

    private Message<?> subscribe(Message<?> message, StompHeaderAccessor accessor) {
        UUID userId = userOf(message, accessor);
        String destination = accessor.getDestination();
        if (DIRECT_QUEUE.equals(destination)) {
            presence.subscribed(accessor.getSessionId(), accessor.getSubscriptionId(), userId, Presence.ALL_DIRECT);
            return message;
        }
        if (NOTIFICATIONS_QUEUE.equals(destination) || PRESENCE_QUEUE.equals(destination)) {
            return message;
        }
        Optional<UUID> group = GroupSubscriptions.groupOf(destination);
        if (group.isEmpty()) {
            throw refused(message, "No subscriptions to " + destination + ".");
        }
        requireMember(message, group.get(), userId, "Only members of the group subscribe to " + destination + ".");
        subscriptions.subscribed(accessor.getSessionId(), accessor.getSubscriptionId(), destination);
        presence.subscribed(
                accessor.getSessionId(), accessor.getSubscriptionId(), userId, Conversations.group(group.get()));
        return message;
    }

    /** @return null (dropped) for a typing signal that comes too soon after the session's last one */
    private Message<?> send(Message<?> message, StompHeaderAccessor accessor) {
        UUID userId = userOf(message, accessor);
        if (ACTIVITY.equals(accessor.getDestination())) {
            return message;
        }
        Matcher typing = TYPING.matcher(String.valueOf(accessor.getDestination()));
        if (!typing.matches()) {
            throw refused(
                    message,
                    "Clients send only typing signals to /app/groups.{groupId}.typing and /app/presence.active.");
        }
        UUID groupId = UUID.fromString(typing.group(1));
        requireMember(message, groupId, userId, "Only members of the group signal typing.");
        Map<String, Object> session = accessor.getSessionAttributes();
        long now = System.nanoTime();
        if (session != null) {
            Object last = session.get(LAST_TYPING);
            if (last instanceof Long at
                    && now - at < properties.typingInterval().toNanos()) {
                return null;
            }
            session.put(LAST_TYPING, now);
        }
        return message;
    }

    private void requireMember(Message<?> message, UUID groupId, UUID userId, String refusal) {
        GroupAccess.Access access = groups.of(groupId, userId);
        if (access == GroupAccess.Access.ROSTER_BEHIND) {
            throw refused(message, "The group's roster is behind its latest changes; try again shortly.");
        }
        if (access != GroupAccess.Access.MEMBER || subscriptions.isRevoked(groupId, userId)) {
            throw refused(message, refusal);
        }
    }

    private static UUID userOf(Message<?> message, StompHeaderAccessor accessor) {
        Principal user = accessor.getUser();
        if (user == null) {
            throw refused(message, "CONNECT first.");
        }
        return UUID.fromString(user.getName());
    }

    private static MessageDeliveryException refused(Message<?> message, String reason) {
        return new MessageDeliveryException(message, reason);
    }
}
