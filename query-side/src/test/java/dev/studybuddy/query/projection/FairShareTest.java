package dev.studybuddy.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FairShareTest {

    private static final List<Integer> ALL_SIXTEEN =
            IntStream.range(0, 16).boxed().toList();

    @Test
    void aSingleNodeKeepsEverySegment() {
        assertThat(new FairShare(16, 1).surplus(ALL_SIXTEEN)).isEmpty();
    }

    @Test
    void aNodeHoldingEverythingGivesAwayWhatIsAboveItsShare() {
        assertThat(new FairShare(16, 2).surplus(ALL_SIXTEEN)).containsExactly(8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(new FairShare(16, 3).surplus(ALL_SIXTEEN)).hasSize(10);
    }

    @Test
    void theShareIsRoundedUpSoThatTheNodesTogetherCanHoldEverySegment() {
        assertThat(new FairShare(16, 3).limit()).isEqualTo(6);
        assertThat(new FairShare(1, 2).limit()).isEqualTo(1);
        assertThat(new FairShare(1, 2).surplus(List.of(0))).isEmpty();
    }

    @Test
    void aNodeAtOrBelowItsShareGivesNothingAway() {
        assertThat(new FairShare(16, 2).surplus(List.of(1, 4, 7, 9, 11, 12, 13, 15)))
                .isEmpty();
        assertThat(new FairShare(16, 4).surplus(List.of(3))).isEmpty();
    }
}
