package dev.studybuddy.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.junit.jupiter.api.Test;

/**
 * A segment's {@code caughtUp} in the projection status: Axon's flag, which a pooled processor sets up to a claim
 * interval after the segment has handled the last stored event, or nothing stored after the segment's position.
 */
class SegmentCaughtUpTest {

    private final TrackerStatus handling = new TrackerStatus(Segment.ROOT_SEGMENT, null);

    @Test
    void aSegmentWithNothingStoredAfterItsPositionIsCaughtUpBeforeAxonSaysSo() {
        assertThat(handling.isCaughtUp()).isFalse();
        assertThat(ProjectionStatuses.caughtUp(handling, 0)).isTrue();
    }

    @Test
    void aSegmentWithEventsStoredAfterItsPositionIsNotCaughtUpUntilAxonSaysSo() {
        assertThat(ProjectionStatuses.caughtUp(handling, 3)).isFalse();
        assertThat(ProjectionStatuses.caughtUp(handling.caughtUp(), 3)).isTrue();
    }

    @Test
    void aFailingSegmentIsNotCaughtUpForHavingNothingAfterItsPosition() {
        assertThat(ProjectionStatuses.caughtUp(handling.markError(new IllegalStateException("refused")), 0))
                .isFalse();
    }
}
