package dev.studybuddy.query.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");
    private static final Duration AWAY_AFTER = Duration.ofMinutes(5);

    @Test
    void aConnectedUserActiveWithinFiveMinutesIsOnline() {
        assertThat(PresenceStatus.of(true, NOW.minus(Duration.ofMinutes(4)), NOW, AWAY_AFTER))
                .isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void aConnectedUserIdleForFiveMinutesIsAway() {
        assertThat(PresenceStatus.of(true, NOW.minus(AWAY_AFTER), NOW, AWAY_AFTER))
                .isEqualTo(PresenceStatus.AWAY);
        assertThat(PresenceStatus.of(true, null, NOW, AWAY_AFTER))
                .as("no activity known")
                .isEqualTo(PresenceStatus.AWAY);
    }

    @Test
    void withoutASessionAnywhereAUserIsOfflineHoweverRecentlyActive() {
        assertThat(PresenceStatus.of(false, NOW, NOW, AWAY_AFTER)).isEqualTo(PresenceStatus.OFFLINE);
    }

    @Test
    void statusesGoOnTheWireInLowerCase() {
        assertThat(PresenceStatus.AWAY.wire()).isEqualTo("away");
    }
}
