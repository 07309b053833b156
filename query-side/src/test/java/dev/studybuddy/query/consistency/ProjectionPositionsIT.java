package dev.studybuddy.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.query.support.QuerySideIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@QuerySideIT
class ProjectionPositionsIT {

    private static final String GROUP = "positions-it";

    @Autowired
    ProjectionPositions positions;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aBatchMovesEachPositionForwardOnlyInOneGo() {
        String ahead = UUID.randomUUID().toString();
        String behind = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        positions.advanceAll(GROUP, Map.of(ahead, 9L, behind, 2L));

        transaction.executeWithoutResult(
                status -> positions.advanceAll(GROUP, Map.of(ahead, 5L, behind, 4L, fresh, 0L)));

        assertThat(positions.sequences(
                        GROUP, List.of(ahead, behind, fresh, UUID.randomUUID().toString())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ahead, 9L, behind, 4L, fresh, 0L));
    }

    @Test
    void aBatchThatRollsBackMovesNothing() {
        String aggregate = UUID.randomUUID().toString();
        positions.advanceAll(GROUP, Map.of(aggregate, 1L));

        transaction.executeWithoutResult(status -> {
            positions.advanceAll(GROUP, Map.of(aggregate, 7L));
            status.setRollbackOnly();
        });

        assertThat(positions.sequence(GROUP, aggregate)).isEqualTo(1);
    }
}
