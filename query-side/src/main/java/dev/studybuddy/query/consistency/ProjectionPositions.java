package dev.studybuddy.query.consistency;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
     * Records, in the caller's transaction, how far {@code processingGroup} applied each aggregate's stream in one
     * round trip; a position only moves forward.
     */
    public void advanceAll(String processingGroup, Map<String, Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        List<Object[]> rows = sequences.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()) // one lock order for every node: no deadlock between batches
                .map(entry -> new Object[] {processingGroup, entry.getKey(), entry.getValue()})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO projection_positions (processing_group, aggregate_id, sequence) VALUES (?, ?, ?)
                ON CONFLICT (processing_group, aggregate_id) DO UPDATE SET sequence = excluded.sequence
                WHERE projection_positions.sequence < excluded.sequence""", rows);
    }

    /** The positions of {@code aggregateIds} that the projection has applied anything of. */
    public Map<String, Long> sequences(String processingGroup, Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> found = new HashMap<>();
        jdbc.query(
                "SELECT aggregate_id, sequence FROM projection_positions WHERE processing_group = ? AND aggregate_id = ANY (?)",
                row -> {
                    found.put(row.getString("aggregate_id"), row.getLong("sequence"));
                },
                processingGroup,
                aggregateIds.toArray(String[]::new));
        return found;
    }

    public long sequence(String processingGroup, String aggregateId) {
        List<Long> found = jdbc.queryForList(
                "SELECT sequence FROM projection_positions WHERE processing_group = ? AND aggregate_id = ?",
                Long.class,
                processingGroup,
                aggregateId);
        return found.isEmpty() ? NONE : found.get(0);
    }

    /** For a projection's reset: a replay applies every event again. */
    public void forget(String processingGroup) {
        jdbc.update("DELETE FROM projection_positions WHERE processing_group = ?", processingGroup);
    }
}
