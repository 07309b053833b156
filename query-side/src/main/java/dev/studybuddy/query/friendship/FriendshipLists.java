package dev.studybuddy.query.friendship;

import dev.studybuddy.query.web.SortKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the caller's lists from the tables {@link FriendshipsProjection} keeps, with names from the users read
 * model; each list names whose it is, since nobody reads anyone else's. Pages are in user name order (then id),
 * the first {@code limit} rows after {@code after}. Users the projection of accounts has not seen yet sort first,
 * without names.
 */
@Component
class FriendshipLists {

    private static final RowMapper<RelatedUser> RELATED_USER = (row, index) -> new RelatedUser(
            row.getObject("user_id", UUID.class),
            row.getString("username"),
            row.getString("display_name"),
            row.getObject("since", OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;

    FriendshipLists(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<RelatedUser> friendsOf(UUID userId, SortKey after, int limit) {
        return page("SELECT friend_id AS user_id, since FROM friends WHERE user_id = ?", userId, after, limit);
    }

    List<RelatedUser> requestsOf(UUID userId, RequestDirection direction, SortKey after, int limit) {
        String sql = switch (direction) {
            case INCOMING ->
                "SELECT requester_id AS user_id, sent_at AS since FROM friend_requests WHERE addressee_id = ?";
            case OUTGOING ->
                "SELECT addressee_id AS user_id, sent_at AS since FROM friend_requests WHERE requester_id = ?";
        };
        return page(sql, userId, after, limit);
    }

    List<RelatedUser> blockedBy(UUID blockerId, SortKey after, int limit) {
        return page(
                "SELECT blocked_id AS user_id, blocked_at AS since FROM blocks WHERE blocker_id = ?",
                blockerId,
                after,
                limit);
    }

    /** {@code relation} selects {@code user_id} and {@code since} of the caller's rows, with one parameter: the caller. */
    private List<RelatedUser> page(String relation, UUID caller, SortKey after, int limit) {
        return jdbc.query("""
                SELECT r.user_id, u.username, u.display_name, r.since
                FROM (%s) r LEFT JOIN users u ON u.user_id = r.user_id
                WHERE (coalesce(u.username, ''), r.user_id) > (?, ?)
                ORDER BY coalesce(u.username, ''), r.user_id
                LIMIT ?""".formatted(relation), RELATED_USER, caller, after.text(), after.id(), limit);
    }

    static SortKey keyOf(RelatedUser user) {
        return new SortKey(user.username() == null ? "" : user.username(), user.userId());
    }
}
