package dev.studybuddy.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.studybuddy.platform.web.RateLimitedException;
import dev.studybuddy.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new RateLimitProperties(
                    new RateLimitProperties.Limit(30, Duration.ofMinutes(1)),
                    new RateLimitProperties.Limit(10, Duration.ofMinutes(1)),
                    new RateLimitProperties.LoginFailures(
                            3,
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(10),
                            Duration.ofHours(1),
                            new RateLimitProperties.Limit(20, Duration.ofHours(1))),
                    new RateLimitProperties.Limit(3, Duration.ofHours(1)),
                    new RateLimitProperties.Limit(3, Duration.ofHours(1))),
            clock);

    @Test
    void failuresBeyondTheFreeOnesWaitTwiceAsLongEachTime() {
        for (int failure = 0; failure < 3; failure++) {
            throttle.begin("owner", "10.0.0.1");
        }
        assertThat(refusal("owner", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        throttle.begin("owner", "10.0.0.1");
        assertThat(refusal("owner", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));

        clock.advance(Duration.ofSeconds(2));
        throttle.begin("owner", "10.0.0.1");
        assertThat(refusal("owner", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(3));
        assertThat(refusal("owner", "10.0.0.1"))
                .as("a refused attempt does not extend the wait")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theWaitStopsGrowingAtItsMaximum() {
        for (int failure = 0; failure < 12; failure++) {
            throttle.begin("owner", "10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        throttle.begin("owner", "10.0.0.1");
        assertThat(refusal("owner", "10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anotherAddressIsNotSlowedByAStrangersFailures() {
        for (int failure = 0; failure < 3; failure++) {
            throttle.begin("owner", "10.0.0.66");
        }
        assertThat(refusal("owner", "10.0.0.66")).isPositive();

        assertThatCode(() -> throttle.begin("owner", "192.168.1.5").succeeded()).doesNotThrowAnyException();
        assertThat(refusal("owner", "10.0.0.66"))
                .as("the owner's success does not lift the stranger's wait")
                .isPositive();
    }

    @Test
    void successStartsTheAddressAgainFromNothing() {
        for (int failure = 0; failure < 2; failure++) {
            throttle.begin("owner", "10.0.0.1");
        }
        throttle.begin("owner", "10.0.0.1").succeeded();
        for (int failure = 0; failure < 3; failure++) {
            assertThatCode(() -> throttle.begin("owner", "10.0.0.1")).doesNotThrowAnyException();
        }
        assertThat(refusal("owner", "10.0.0.1")).isPositive();
    }

    @Test
    void failuresFromManyAddressesStopTheUserNameAtTheCeiling() {
        for (int address = 0; address < 20; address++) {
            throttle.begin("owner", "10.0.1." + address);
        }
        assertThat(refusal("owner", "192.168.1.5")).isPositive();
        assertThatCode(() -> throttle.begin("someone-else", "10.0.1.1")).doesNotThrowAnyException();
    }

    @Test
    void successfulSignInsDoNotUseUpTheCeiling() {
        for (int signIn = 0; signIn < 40; signIn++) {
            throttle.begin("owner", "10.0.0.1").succeeded();
        }
        assertThatCode(() -> throttle.begin("owner", "10.0.0.1")).doesNotThrowAnyException();
    }

    private Duration refusal(String username, String address) {
        RateLimitedException refused =
                catchThrowableOfType(RateLimitedException.class, () -> throttle.begin(username, address));
        assertThat(refused).as("refused").isNotNull();
        return refused.retryAfter();
    }
}
