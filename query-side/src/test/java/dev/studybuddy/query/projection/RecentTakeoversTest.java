package dev.studybuddy.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentTakeoversTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecentTakeovers takeovers = new RecentTakeovers(Duration.ofSeconds(8), clock);

    @Test
    void segmentsJustTakenOverAreKeptUntilTheGraceHasPassed() {
        assertThat(takeovers.releasable("chat", List.of(0, 1, 2, 3), List.of(2, 3)))
                .as("held since now")
                .isEmpty();

        clock.advance(Duration.ofSeconds(9));
        assertThat(takeovers.releasable("chat", List.of(0, 1, 2, 3, 4, 5), List.of(3, 4, 5)))
                .as("4 and 5 were just taken over; 3 has been held long enough")
                .containsExactly(3);

        clock.advance(Duration.ofSeconds(9));
        assertThat(takeovers.releasable("chat", List.of(0, 1, 2, 3, 4, 5), List.of(4, 5)))
                .containsExactly(4, 5);
    }

    @Test
    void aSegmentLostAndClaimedAgainStartsItsGraceAgain() {
        takeovers.releasable("users", List.of(0, 1), List.of());
        clock.advance(Duration.ofSeconds(9));
        takeovers.releasable("users", List.of(0), List.of());
        assertThat(takeovers.releasable("users", List.of(0, 1), List.of(1)))
                .as("1 was given up and came back")
                .isEmpty();
        assertThat(takeovers.releasable("groups", List.of(1), List.of(1)))
                .as("each processor on its own")
                .isEmpty();
    }
}
