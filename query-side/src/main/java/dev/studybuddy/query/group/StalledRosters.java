package dev.studybuddy.query.group;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The groups whose roster cannot be trusted: the {@code groups} projection has parked events of theirs as
 * dead letters (the sequence is the group), so a removal or a ban may be waiting behind the parked event.
 * Access that the roster would grant is refused for them until the letters are retried or dropped
 * (docs/adr/0013). The set is read from {@code dead_letter_entry}, shared by every node, at most once per
 * {@code studybuddy.groups.stalled-roster-recheck}, so a check costs no query on the way of a request.
 */
@Component
public class StalledRosters {

    private final JdbcTemplate jdbc;
    private final long recheckNanos;
    private volatile Parked parked;

    StalledRosters(JdbcTemplate jdbc, RosterProperties properties) {
        this.jdbc = jdbc;
        this.recheckNanos = properties.stalledRosterRecheck().toNanos();
    }

    public boolean includes(UUID groupId) {
        return groups().contains(groupId.toString());
    }

    /** The ids of every stalled group, as the dead letters name them; almost always none. */
    public Set<String> groups() {
        Parked seen = parked;
        if (seen != null && !seen.olderThan(recheckNanos)) {
            return seen.groups();
        }
        synchronized (this) {
            if (parked == null || parked.olderThan(recheckNanos)) {
                parked = read();
            }
            return parked.groups();
        }
    }

    private Parked read() {
        Set<String> groups = new HashSet<>();
        jdbc.query(
                "SELECT DISTINCT sequence_identifier FROM dead_letter_entry WHERE processing_group = ?",
                row -> {
                    groups.add(row.getString(1));
                },
                GroupsProjection.PROCESSING_GROUP);
        return new Parked(Set.copyOf(groups), System.nanoTime());
    }

    private record Parked(Set<String> groups, long readAt) {

        boolean olderThan(long nanos) {
            return System.nanoTime() - readAt >= nanos;
        }
    }
}
