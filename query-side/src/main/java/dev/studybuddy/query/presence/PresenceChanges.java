package dev.studybuddy.query.presence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.query.realtime.LiveUpdate;
import dev.studybuddy.query.realtime.RedisChannels;
import dev.studybuddy.query.user.PrivacySettings;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells a user's friends when the user's presence, as they see it, changes: a {@code presence.changed} frame
 * {@code {type, userId, status, lastSeenAt}} on their {@code /user/queue/presence}, published on the Redis channel
 * {@link RedisChannels#PRESENCE} with the recipients in {@code to} ({@link LiveUpdate.PresenceChanged}), so that
 * every node delivers it to the sessions it holds. A hidden user is announced {@code offline}. Whichever node
 * notices a change announces it; the status last announced is swapped atomically in Redis, so one change is
 * announced once however many nodes notice it.
 */
@Component
public class PresenceChanges {

    private final PresenceBoard board;
    private final PresenceAudience audience;
    private final PrivacySettings privacy;
    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    PresenceChanges(
            PresenceBoard board,
            PresenceAudience audience,
            PrivacySettings privacy,
            StringRedisTemplate redis,
            ObjectMapper json) {
        this.board = board;
        this.audience = audience;
        this.privacy = privacy;
        this.redis = redis;
        this.json = json;
    }

    /**
     * {@link #announce} for many users, such as a node's idle users at each refresh, in a few round trips: their
     * privacy in one query and their status and what was shown in two Redis pipelines; only a user whose status
     * differs from the one shown is announced.
     */
    void announceAll(Collection<UUID> users) {
        if (users.isEmpty()) {
            return;
        }
        List<UUID> asked = List.copyOf(new LinkedHashSet<>(users));
        Set<UUID> hiding = privacy.hidingPresence(asked);
        List<UserPresence> now = board.read(asked);
        List<PresenceStatus> shown = board.shown(asked);
        for (int i = 0; i < asked.size(); i++) {
            PresenceStatus status = hiding.contains(asked.get(i))
                    ? PresenceStatus.OFFLINE
                    : now.get(i).status();
            if (status != shown.get(i)) {
                announce(asked.get(i));
            }
        }
    }

    /**
     * Looks at the user's presence now, and tells their friends if it is not what they were told last. Should telling
     * fail, what was shown before is put back, so that the next look (a refresh, a sweep) finds the change again.
     */
    void announce(UUID user) {
        UserPresence now = privacy.presenceVisible(user) ? board.read(user) : UserPresence.hidden(user);
        PresenceStatus before = board.swapShown(user, now.status());
        if (before == now.status()) {
            return;
        }
        try {
            tellFriends(user, now);
        } catch (RuntimeException e) {
            board.swapShown(user, before);
            throw e;
        }
    }

    private void tellFriends(UUID user, UserPresence now) {
        List<UUID> friends = audience.friendsOf(user);
        if (friends.isEmpty()) {
            return;
        }
        LiveUpdate frame = new LiveUpdate.PresenceChanged(user, now.status().wire(), now.lastSeenAt(), friends);
        try {
            redis.convertAndSend(RedisChannels.PRESENCE, json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A presence frame is always JSON", e);
        }
    }
}
