package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupRole;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every tie one user has to groups in the groups read model, for the account export: the groups they are a
 * member of (with their role), their pending join requests, the invitations waiting for them, and the groups
 * that banned them.
 */
@Component
public class Affiliations {

    /** Where a page starts when nothing came before it. */
    public static final Key FIRST = new Key("", new UUID(0, 0));

    private final JdbcTemplate jdbc;

    Affiliations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} of the user's ties after {@code after}, by kind, then group id. */
    public List<Affiliation> of(UUID userId, Key after, int limit) {
        return jdbc.query(
                """
                SELECT a.kind, a.group_id, g.name, a.role, a.since FROM (
                    SELECT 'MEMBER' AS kind, group_id, role, joined_at AS since FROM group_members WHERE user_id = ?
                    UNION ALL SELECT 'JOIN_REQUESTED', group_id, NULL, requested_at FROM group_join_requests WHERE user_id = ?
                    UNION ALL SELECT 'INVITED', group_id, NULL, invited_at FROM group_invitations WHERE user_id = ?
                    UNION ALL SELECT 'BANNED', group_id, NULL, banned_at FROM group_bans WHERE user_id = ?
                ) a JOIN groups g ON g.group_id = a.group_id
                WHERE (a.kind, a.group_id) > (?, ?)
                ORDER BY a.kind, a.group_id
                LIMIT ?""",
                (row, index) -> new Affiliation(
                        Kind.valueOf(row.getString("kind")),
                        row.getObject("group_id", UUID.class),
                        row.getString("name"),
                        row.getString("role") == null ? null : GroupRole.valueOf(row.getString("role")),
                        row.getObject("since", OffsetDateTime.class).toInstant()),
                userId,
                userId,
                userId,
                userId,
                after.kind(),
                after.groupId(),
                limit);
    }

    public enum Kind {
        MEMBER,
        JOIN_REQUESTED,
        INVITED,
        BANNED
    }

    /** {@code role} only for {@link Kind#MEMBER}. */
    public record Affiliation(Kind kind, UUID groupId, String groupName, GroupRole role, Instant since) {

        public Key key() {
            return new Key(kind.name(), groupId);
        }
    }

    public record Key(String kind, UUID groupId) {}
}
