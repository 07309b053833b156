package dev.studybuddy.query.presence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PresencePropertiesTest {

    @Test
    void aSweepTakesAtLeastOneUserAndNoMoreThanRedisCanUnpack() {
        assertThatThrownBy(() -> withLapsedPerRefresh(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withLapsedPerRefresh(5001)).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> withLapsedPerRefresh(1)).doesNotThrowAnyException();
        assertThatCode(() -> withLapsedPerRefresh(5000)).doesNotThrowAnyException();
    }

    private static PresenceProperties withLapsedPerRefresh(int lapsedPerRefresh) {
        return new PresenceProperties(
                Duration.ofMinutes(5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(60),
                Duration.ofDays(30),
                100,
                lapsedPerRefresh);
    }
}
