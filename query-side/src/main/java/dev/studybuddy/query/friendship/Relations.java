package dev.studybuddy.query.friendship;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every relation one user holds from the friendships read model, for the account export: their friends,
 * the requests they sent and received, and the users they blocked (not who blocked them: that is the
 * other user's choice). The other side appears as the lists show it, by id and names.
 */
@Component
public class Relations {

    /** Where a page starts when nothing came before it. */
    public static final Key FIRST = new Key("", new UUID(0, 0));

    private final JdbcTemplate jdbc;

    Relations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} of the user's relations after {@code after}, by kind, then the other user's id. */
    public List<Relation> of(UUID userId, Key after, int limit) {
        return jdbc.query(
                """
                SELECT r.kind, r.user_id, u.username, u.display_name, r.since FROM (
                    SELECT 'FRIEND' AS kind, friend_id AS user_id, since FROM friends WHERE user_id = ?
                    UNION ALL SELECT 'REQUEST_SENT', addressee_id, sent_at FROM friend_requests WHERE requester_id = ?
                    UNION ALL SELECT 'REQUEST_RECEIVED', requester_id, sent_at FROM friend_requests WHERE addressee_id = ?
                    UNION ALL SELECT 'BLOCKED', blocked_id, blocked_at FROM blocks WHERE blocker_id = ?
                ) r LEFT JOIN users u ON u.user_id = r.user_id
                WHERE (r.kind, r.user_id) > (?, ?)
                ORDER BY r.kind, r.user_id
                LIMIT ?""",
                (row, index) -> new Relation(
                        Kind.valueOf(row.getString("kind")),
                        row.getObject("user_id", UUID.class),
                        row.getString("username"),
                        row.getString("display_name"),
                        row.getObject("since", OffsetDateTime.class).toInstant()),
                userId,
                userId,
                userId,
                userId,
                after.kind(),
                after.userId(),
                limit);
    }

    public enum Kind {
        FRIEND,
        REQUEST_SENT,
        REQUEST_RECEIVED,
        BLOCKED
    }

    /** Names are null while the users projection has not seen the other account. */
    public record Relation(Kind kind, UUID userId, String username, String displayName, Instant since) {

        public Key key() {
            return new Key(kind.name(), userId);
        }
    }

    public record Key(String kind, UUID userId) {}
}
