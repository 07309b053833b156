package dev.studybuddy.query.group;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.GroupVisibility;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may see a group, per the roster this projection keeps: the one rule that the group, session, chat, pin,
 * read-receipt and search controllers and the WebSocket subscriptions ask before they show anything of a group
 * (each adds what its own endpoint grants beyond it, such as a platform moderator's reading). Reads over many groups
 * at once (a file shared in groups, a search across the caller's groups) apply the same rule in their SQL: a member,
 * of a group whose roster is not stalled. A roster that is stalled ({@link StalledRosters})
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
                (row, index) ->
                        decide(groupId, GroupVisibility.valueOf(row.getString("visibility")), row.getBoolean("member")),
                userId,
                groupId);
        return found.isEmpty() ? Access.HIDDEN : found.get(0);
    }

    /** The same rule for a group already read with the viewer's role in it ({@link GroupDirectory#find}). */
    Access of(GroupView group) {
        return decide(group.groupId(), group.visibility(), group.myRole() != null);
    }

    private Access decide(UUID groupId, GroupVisibility visibility, boolean member) {
        Access byRoster =
                member ? Access.MEMBER : visibility == GroupVisibility.PUBLIC ? Access.OUTSIDER : Access.HIDDEN;
        // HIDDEN stays HIDDEN: a stalled group must not become visible to those who may not know of it
        return byRoster != Access.HIDDEN && stalled.includes(groupId) ? Access.ROSTER_BEHIND : byRoster;
    }

    /** The refusal of {@link Access#ROSTER_BEHIND}: 503 {@code ROSTER_BEHIND}, with {@code Retry-After}. */
    public static DomainException rosterBehind() {
        return new DomainException(
                ErrorCode.ROSTER_BEHIND, "The group's roster is behind its latest changes; try again shortly.");
    }
}
