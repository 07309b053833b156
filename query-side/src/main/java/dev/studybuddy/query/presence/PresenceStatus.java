package dev.studybuddy.query.presence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** What others see of a user: connected and recently active, connected but idle, or not connected (or hidden). */
public enum PresenceStatus {
    ONLINE,
    AWAY,
    OFFLINE;

    /** Online while connected and active within {@code awayAfter}, away while connected otherwise. */
    static PresenceStatus of(boolean connected, Instant lastActive, Instant now, Duration awayAfter) {
        if (!connected) {
            return OFFLINE;
        }
        return lastActive != null && lastActive.plus(awayAfter).isAfter(now) ? ONLINE : AWAY;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
