package dev.studybuddy.query.realtime;

import java.util.UUID;

/**
 * The Redis pub/sub channels every query-side node listens on. The chat projection publishes a group's
 * updates on its group channel and a pair's direct messages on their direct channel; notification-saga
 * publishes in-app notifications on the recipient's channel. What only one user of a pair should see (a
 * {@code read.advanced}) goes on that user's direct channel; presence changes, with their recipients, on
 * {@link #PRESENCE}.
 */
public final class RedisChannels {

    public static final String GROUP_PREFIX = "studybuddy:chat:group:";
    public static final String DIRECT_PREFIX = "studybuddy:chat:direct:";
    public static final String CHAT_PATTERN = "studybuddy:chat:*";
    public static final String NOTIFICATIONS_PATTERN = "studybuddy:user:*:notifications";
    public static final String USER_DIRECT_PATTERN = "studybuddy:user:*:direct";
    /** Every node listens here for {@code presence.changed} frames, each with its recipients in {@code to}. */
    public static final String PRESENCE = "studybuddy:presence-changes";

    static final String USER_PREFIX = "studybuddy:user:";
    static final String NOTIFICATIONS_SUFFIX = ":notifications";
    static final String USER_DIRECT_SUFFIX = ":direct";

    private RedisChannels() {}

    public static String group(UUID groupId) {
        return GROUP_PREFIX + groupId;
    }

    public static String direct(String friendshipId) {
        return DIRECT_PREFIX + friendshipId;
    }

    /** Frames for one user's {@code /user/queue/direct} only. */
    public static String userDirect(UUID userId) {
        return USER_PREFIX + userId + USER_DIRECT_SUFFIX;
    }

    /** What a channel carries, for the fan-out meters: {@code group}, {@code direct}, {@code notifications}, {@code presence} or {@code other}. */
    static String kind(String channel) {
        if (channel.startsWith(GROUP_PREFIX)) {
            return "group";
        }
        if (channel.startsWith(DIRECT_PREFIX)
                || channel.startsWith(USER_PREFIX) && channel.endsWith(USER_DIRECT_SUFFIX)) {
            return "direct";
        }
        if (channel.startsWith(USER_PREFIX) && channel.endsWith(NOTIFICATIONS_SUFFIX)) {
            return "notifications";
        }
        if (channel.equals(PRESENCE)) {
            return "presence";
        }
        return "other";
    }
}
