package dev.studybuddy.query.group;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Who is in a group, per the roster this projection keeps: what the chat history and the WebSocket
 * subscriptions ask before they show a group's conversation.
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
        HIDDEN
    }

    private final JdbcTemplate jdbc;

    GroupAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Access of(UUID groupId, UUID userId) {
        List<Access> found = jdbc.query("""
                SELECT g.visibility, m.user_id IS NOT NULL AS member
                FROM groups g LEFT JOIN group_members m ON m.group_id = g.group_id AND m.user_id = ?
                WHERE g.group_id = ?""", (row, index) -> row.getBoolean("member") ? Access.MEMBER
                : "PUBLIC".equals(row.getString("visibility")) ? Access.OUTSIDER : Access.HIDDEN, userId, groupId);
        return found.isEmpty() ? Access.HIDDEN : found.get(0);
    }

    public boolean isMember(UUID groupId, UUID userId) {
        return of(groupId, userId) == Access.MEMBER;
    }
}
