package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.query.web.PrefixPattern;
import dev.studybuddy.query.web.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the tables {@link GroupsProjection} keeps, with names from the users read model. It answers what is
 * there; whether the viewer may see it is the caller's decision ({@link GroupsController}). Lists are keyset-paged:
 * the first {@code limit} rows after {@code after}, on (name, id).
 */
@Component
class GroupDirectory {

    /** Selects a group as {@code g} with the viewer's membership as {@code m}, for {@link #GROUP}. */
    private static final String GROUP_COLUMNS = """
            SELECT g.group_id, g.name, g.description, g.visibility, g.join_policy, g.capacity, g.member_count,
                   g.archived, g.owner_id, g.created_at, g.updated_at, m.role AS my_role
            """;

    private static final RowMapper<GroupView> GROUP = (row, index) -> new GroupView(
            row.getObject("group_id", UUID.class),
            row.getString("name"),
            row.getString("description"),
            GroupVisibility.valueOf(row.getString("visibility")),
            JoinPolicy.valueOf(row.getString("join_policy")),
            row.getInt("capacity"),
            row.getInt("member_count"),
            row.getBoolean("archived"),
            row.getObject("owner_id", UUID.class),
            instant(row, "created_at"),
            instant(row, "updated_at"),
            row.getString("my_role") == null ? null : GroupRole.valueOf(row.getString("my_role")));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    GroupDirectory(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A group with {@code viewerId}'s role in it. */
    Optional<GroupView> find(UUID groupId, UUID viewerId) {
        return jdbc.query(GROUP_COLUMNS + """
                FROM groups g LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = ?
                WHERE g.group_id = ?""", GROUP, viewerId, groupId).stream()
                .findFirst();
    }

    /**
     * Groups in name order whose name starts with {@code prefix} (case-insensitively). Discover: public, unarchived
     * groups the viewer is neither in nor banned from.
     */
    List<GroupView> list(UUID viewerId, GroupScope scope, String prefix, SortKey after, int limit) {
        String from = switch (scope) {
            case MINE ->
                "FROM groups g JOIN group_members m ON m.group_id = g.group_id AND m.user_id = :viewer WHERE true";
            case DISCOVER -> """
                    FROM groups g LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = :viewer
                    WHERE g.visibility = 'PUBLIC' AND NOT g.archived AND m.user_id IS NULL
                      AND NOT EXISTS (SELECT 1 FROM group_bans b WHERE b.group_id = g.group_id AND b.user_id = :viewer)""";
        };
        return named.query(
                GROUP_COLUMNS + from + """

                  AND lower(g.name) LIKE lower(:pattern) ESCAPE '!'
                  AND (g.name, g.group_id) > (:afterName, :afterId)
                ORDER BY g.name, g.group_id
                LIMIT :limit""",
                new MapSqlParameterSource()
                        .addValue("viewer", viewerId)
                        .addValue("pattern", PrefixPattern.of(prefix))
                        .addValue("afterName", after.text())
                        .addValue("afterId", after.id())
                        .addValue("limit", limit),
                GROUP);
    }

    /** Members in user name order. */
    List<RosterEntry> roster(UUID groupId, SortKey after, int limit) {
        return jdbc.query(
                """
                SELECT m.user_id, u.username, u.display_name, m.role, m.route, m.joined_at
                FROM group_members m LEFT JOIN users u ON u.user_id = m.user_id
                WHERE m.group_id = ? AND (coalesce(u.username, ''), m.user_id) > (?, ?)
                ORDER BY coalesce(u.username, ''), m.user_id
                LIMIT ?""",
                (row, index) -> new RosterEntry(
                        row.getObject("user_id", UUID.class),
                        row.getString("username"),
                        row.getString("display_name"),
                        GroupRole.valueOf(row.getString("role")),
                        JoinRoute.valueOf(row.getString("route")),
                        instant(row, "joined_at")),
                groupId,
                after.text(),
                after.id(),
                limit);
    }

    /** Pending join requests in user name order. */
    List<PendingJoinRequest> joinRequests(UUID groupId, SortKey after, int limit) {
        return jdbc.query(
                """
                SELECT r.user_id, u.username, u.display_name, r.requested_at
                FROM group_join_requests r LEFT JOIN users u ON u.user_id = r.user_id
                WHERE r.group_id = ? AND (coalesce(u.username, ''), r.user_id) > (?, ?)
                ORDER BY coalesce(u.username, ''), r.user_id
                LIMIT ?""",
                (row, index) -> new PendingJoinRequest(
                        row.getObject("user_id", UUID.class),
                        row.getString("username"),
                        row.getString("display_name"),
                        instant(row, "requested_at")),
                groupId,
                after.text(),
                after.id(),
                limit);
    }

    /**
     * {@code inviteeId}'s pending invitations in group name order, but for those sent by someone either of the two
     * blocks (notification-saga does not announce them either).
     */
    List<PendingInvitation> invitationsOf(UUID inviteeId, SortKey after, int limit) {
        return jdbc.query(
                """
                SELECT g.group_id, g.name, g.description, g.visibility, g.join_policy, g.capacity, g.member_count,
                       g.archived, i.invited_by, u.username, u.display_name, i.invited_at
                FROM group_invitations i JOIN groups g ON g.group_id = i.group_id
                     LEFT JOIN users u ON u.user_id = i.invited_by
                WHERE i.user_id = ? AND (g.name, g.group_id) > (?, ?)
                  AND NOT EXISTS (SELECT 1 FROM blocks b
                                  WHERE (b.blocker_id = i.user_id AND b.blocked_id = i.invited_by)
                                     OR (b.blocker_id = i.invited_by AND b.blocked_id = i.user_id))
                ORDER BY g.name, g.group_id
                LIMIT ?""",
                (row, index) -> new PendingInvitation(
                        row.getObject("group_id", UUID.class),
                        row.getString("name"),
                        row.getString("description"),
                        GroupVisibility.valueOf(row.getString("visibility")),
                        JoinPolicy.valueOf(row.getString("join_policy")),
                        row.getInt("capacity"),
                        row.getInt("member_count"),
                        row.getBoolean("archived"),
                        new PendingInvitation.Inviter(
                                row.getObject("invited_by", UUID.class),
                                row.getString("username"),
                                row.getString("display_name")),
                        instant(row, "invited_at")),
                inviteeId,
                after.text(),
                after.id(),
                limit);
    }

    /** Whether the group exists, whoever may see it. */
    boolean exists(UUID groupId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM groups WHERE group_id = ?)", Boolean.class, groupId));
    }

    /** The group's study sessions by start: upcoming ones, or {@code all} (past and cancelled ones included). */
    List<StudySessionView> sessions(UUID groupId, boolean all) {
        return jdbc.query(
                """
                SELECT session_id, title, starts_at, duration_minutes, scheduled_by, cancelled FROM group_sessions
                WHERE group_id = ? AND (? OR (NOT cancelled AND starts_at + make_interval(mins => duration_minutes) > now()))
                ORDER BY starts_at, session_id""",
                (row, index) -> new StudySessionView(
                        row.getObject("session_id", UUID.class),
                        row.getString("title"),
                        row.getTimestamp("starts_at").toInstant(),
                        row.getInt("duration_minutes"),
                        row.getObject("scheduled_by", UUID.class),
                        row.getBoolean("cancelled")),
                groupId,
                all);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
