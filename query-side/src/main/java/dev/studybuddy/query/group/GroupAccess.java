package dev.studybuddy.query.group;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is in a group, per the roster this projection keeps: what the chat history and the WebSocket
 * subscriptions ask before they show a group's conversation. A roster that is stalled ({@link StalledRosters})
 * grants nothing: a removal may be parked behind the event that stalled it (docs/adr/0013).
 */
@Component
public class GroupAccess {

    /** What a user may see of a group's conversation. */
    public enum Access {
        /** a member: reads and subscribes */
        MEMBER,
        /** a PUBLIC group the user is not in: they know it exists, but may not read (403) */
        OUTSIDER,
        /** unknown, or PRIVATE and not theirs: as if it did not exist (404) */
        HIDDEN,
        /** the group's roster is stalled, so neither MEMBER nor OUTSIDER can be told: refused for now (503) */
        ROSTER_BEHIND
    }

    private final JdbcTemplate jdbc;
    private final StalledRosters stalled;

    GroupAccess(JdbcTemplate jdbc, StalledRosters stalled) {
        this.jdbc = jdbc;
        this.stalled = stalled;
    }

    public Access of(UUID groupId, UUID userId) {
        List<Access> found = jdbc.query(
                """
                SELECT g.visibility, m.user_id IS NOT NULL AS member
                FROM groups g LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = ?
                WHERE g.group_id = ?""",
                (row, index) -> row.getBoolean("member")
                        ? Access.MEMBER
                        : "PUBLIC".equals(row.getString("visibility")) ? Access.OUTSIDER : Access.HIDDEN,
                userId,
                groupId);
        Access byRoster = found.isEmpty() ? Access.HIDDEN : found.get(0);
        // HIDDEN stays HIDDEN: a stalled group must not become visible to those who may not know of it
        return byRoster != Access.HIDDEN && stalled.includes(groupId) ? Access.ROSTER_BEHIND : byRoster;
    }

    /** The refusal of {@link Access#ROSTER_BEHIND}: 503 {@code ROSTER_BEHIND}, with {@code Retry-After}. */
    public static DomainException rosterBehind() {
        return new DomainException(
                ErrorCode.ROSTER_BEHIND, "The group's roster is behind its latest changes; try again shortly.");
    }
}
