package dev.studybuddy.command.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.platform.web.RateLimitedException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriteThrottleTest {

    private final WriteThrottle throttle = new WriteThrottle(new WriteLimits.Budget(3, Duration.ofHours(1)));

    @Test
    void aUserMayWriteTheBudgetAtOnceAndThenWaitsForItsRefill() {
        UUID user = UUID.randomUUID();
        for (int write = 0; write < 3; write++) {
            throttle.admit(user);
        }

        assertThatThrownBy(() -> throttle.admit(user))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        refused -> assertThat(refused.retryAfter())
                                .isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20)));
    }

    @Test
    void eachUserHasABudgetOfTheirOwn() {
        UUID flooder = UUID.randomUUID();
        for (int write = 0; write < 3; write++) {
            throttle.admit(flooder);
        }

        UUID other = UUID.randomUUID();
        for (int write = 0; write < 3; write++) {
            throttle.admit(other);
        }
    }
}
