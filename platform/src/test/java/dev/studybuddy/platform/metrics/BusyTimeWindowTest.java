package dev.studybuddy.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BusyTimeWindowTest {

    final MockClock clock = new MockClock();
    final BusyTimeWindow window = new BusyTimeWindow(Duration.ofSeconds(60), clock);

    @Test
    void isTheBusyTimeOfTheWindowOverItsLength() {
        window.add(TimeUnit.SECONDS.toNanos(3));
        clock.add(Duration.ofSeconds(20));
        window.add(TimeUnit.SECONDS.toNanos(3));

        assertThat(window.capacity()).isEqualTo(0.1);
    }

    @Test
    void forgetsWhatIsOlderThanTheWindow() {
        window.add(TimeUnit.SECONDS.toNanos(6));
        clock.add(Duration.ofSeconds(30));
        window.add(TimeUnit.SECONDS.toNanos(12));
        clock.add(Duration.ofSeconds(31));

        assertThat(window.capacity()).isEqualTo(0.2);

        clock.add(Duration.ofSeconds(30));
        assertThat(window.capacity()).isZero();
    }

    @Test
    void startsEmptyWhateverTheClockSays() {
        clock.add(Duration.ofDays(400));
        assertThat(new BusyTimeWindow(Duration.ofSeconds(60), clock).capacity()).isZero();
    }
}
