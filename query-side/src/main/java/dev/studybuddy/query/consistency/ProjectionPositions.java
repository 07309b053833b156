package dev.studybuddy.query.consistency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The highest sequence of each aggregate's stream that a projection has applied. Kept in PostgreSQL,
 * not in memory, so that every query-side node sees what any node's processor has done.
 */
@Component
public class ProjectionPositions {

    /** What {@link #sequence} answers for an aggregate the projection has not seen. */
    public static final long NONE = -1;

    private final JdbcTemplate jdbc;

    ProjectionPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code processingGroup} applies event {@code sequence} of {@code aggregateId}, unless
     * it already went that far. Runs in the caller's transaction.
     *
     * @return whether the event is new to the projection (false: a redelivery, to be skipped)
     */
    public boolean advance(String processingGroup, String aggregateId, long sequence) {
        int changed = jdbc.update("""
                INSERT INTO projection_positions (processing_group, aggregate_id, sequence) VALUES (?, ?, ?)
                ON CONFLICT (processing_group, aggregate_id) DO UPDATE SET sequence = excluded.sequence
                WHERE projection_positions.sequence < excluded.sequence""",
                processingGroup, aggregateId, sequence);
        return changed == 1;
    }

    public long sequence(String processingGroup, String aggregateId) {
        List<Long> found = jdbc.queryForList(
                "SELECT sequence FROM projection_positions WHERE processing_group = ? AND aggregate_id = ?",
                Long.class, processingGroup, aggregateId);
        return found.isEmpty() ? NONE : found.get(0);
    }

    /** For a projection's reset: a replay applies every event again. */
    public void forget(String processingGroup) {
        jdbc.update("DELETE FROM projection_positions WHERE processing_group = ?", processingGroup);
    }
}
