package dev.studybuddy.query.presence;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's presence as others see it; {@code lastSeenAt} is the user's latest activity (null if unknown, or hidden).
 */
public record UserPresence(UUID userId, PresenceStatus status, Instant lastSeenAt) {

    static UserPresence hidden(UUID userId) {
        return new UserPresence(userId, PresenceStatus.OFFLINE, null);
    }
}
