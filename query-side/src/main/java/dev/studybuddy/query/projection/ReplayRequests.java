package dev.studybuddy.query.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The replay request rows in {@code projection_replays} (Flyway V7), one per processor, which every node follows
 * ({@link ReplayCoordinator}): a new generation per request, its state ({@code REQUESTED}, {@code RESETTING},
 * {@code DONE}, {@code FAILED}), who asked, which node reset, when it finished and why it failed.
 */
@Component
public class ReplayRequests {

    static final String REQUESTED = "REQUESTED";
    static final String RESETTING = "RESETTING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    ReplayRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new generation of the processor's request; empty while one is still requested or being reset. */
    Optional<Long> request(String processorName, String requestedBy) {
        List<Long> generation = jdbc.queryForList("""
                INSERT INTO projection_replays (processor_name, generation, state, requested_by, requested_at)
                VALUES (?, 1, 'REQUESTED', ?, ?)
                ON CONFLICT (processor_name) DO UPDATE
                   SET generation = projection_replays.generation + 1, state = 'REQUESTED',
                       requested_by = EXCLUDED.requested_by, requested_at = EXCLUDED.requested_at,
                       reset_by = NULL, finished_at = NULL, detail = NULL
                 WHERE projection_replays.state NOT IN ('REQUESTED', 'RESETTING')
                RETURNING generation""", Long.class, processorName, requestedBy, now());
        return generation.stream().findFirst();
    }

    /** The latest request of a processor, if any. */
    public Optional<ReplayRequest> latest(String processorName) {
        return jdbc
                .query(
                        """
                SELECT generation, state, requested_by, requested_at, reset_by, finished_at, detail
                  FROM projection_replays WHERE processor_name = ?""",
                        (row, i) -> new ReplayRequest(
                                row.getLong("generation"),
                                row.getString("state"),
                                row.getString("requested_by"),
                                row.getObject("requested_at", OffsetDateTime.class)
                                        .toInstant(),
                                row.getString("reset_by"),
                                Optional.ofNullable(row.getObject("finished_at", OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant)
                                        .orElse(null),
                                row.getString("detail")),
                        processorName)
                .stream()
                .findFirst();
    }

    /** Moves the generation from requested to being reset by {@code node}; whether this call did. */
    boolean claimReset(String processorName, long generation, String node) {
        return jdbc.update("""
                UPDATE projection_replays SET state = 'RESETTING', reset_by = ?
                 WHERE processor_name = ? AND generation = ? AND state = 'REQUESTED'""", node, processorName, generation) == 1;
    }

    void finish(String processorName, long generation, String state, String detail) {
        jdbc.update("""
                UPDATE projection_replays SET state = ?, finished_at = ?, detail = ?
                 WHERE processor_name = ? AND generation = ?""", state, now(), detail, processorName, generation);
    }

    /** Whether a request of the processor is pending or being reset. */
    boolean pending(String processorName) {
        Integer pending = jdbc.queryForObject("""
                SELECT count(*) FROM projection_replays
                 WHERE processor_name = ? AND state IN ('REQUESTED', 'RESETTING')""", Integer.class, processorName);
        return pending != null && pending > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public record ReplayRequest(
            long generation,
            String state,
            String requestedBy,
            Instant requestedAt,
            String resetBy,
            Instant finishedAt,
            String detail) {}
}
