package dev.studybuddy.query.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How users' online status is kept (query-side README, "Presence").
 *
 * @param awayAfter       a connected user without activity for this long is {@code away}; activity reaches Redis at
 *                        most every tenth of it per user and node, so {@code lastSeenAt} is that precise
 * @param refreshInterval how often a node renews its users' connections in Redis and looks for those gone away
 * @param connectionTtl   how long a node's connection entry lives without renewal: a crashed node's users read as
 *                        offline after it
 * @param lastSeenFor     how long a user's last activity is kept after it
 * @param maxUserIds      the most ids one {@code GET /api/presence} asks about
 * @param lapsedPerRefresh the most users of crashed nodes one node announces offline in one refresh; the rest in
 *                        the next ones
 */
@ConfigurationProperties("studybuddy.presence")
public record PresenceProperties(
        @DefaultValue("5m") Duration awayAfter,
        @DefaultValue("20s") Duration refreshInterval,
        @DefaultValue("60s") Duration connectionTtl,
        @DefaultValue("30d") Duration lastSeenFor,
        @DefaultValue("100") int maxUserIds,
        @DefaultValue("1000") int lapsedPerRefresh) {

    /** Redis's Lua unpacks at most a few thousand values at once (the sweep's ZREM of those it took). */
    private static final int MOST_LAPSED_PER_REFRESH = 5000;

    public PresenceProperties {
        if (lapsedPerRefresh < 1 || lapsedPerRefresh > MOST_LAPSED_PER_REFRESH) {
            throw new IllegalArgumentException("studybuddy.presence.lapsed-per-refresh must be within 1 and "
                    + MOST_LAPSED_PER_REFRESH + ", not " + lapsedPerRefresh);
        }
    }

    /** The least time between two writes of one user's activity from one node. */
    Duration activityWriteInterval() {
        return awayAfter.dividedBy(10);
    }
}
