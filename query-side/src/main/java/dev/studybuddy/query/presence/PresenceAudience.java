package dev.studybuddy.query.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose presence a user may see: their own, their friends' and their fellow group members', never that of
 * someone either of the two blocks (from the friendships and groups read models).
 */
@Component
class PresenceAudience {

    private final JdbcTemplate jdbc;

    PresenceAudience(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code userIds} whose presence {@code viewer} may see. */
    Set<UUID> visibleTo(UUID viewer, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        String ids = String.join(", ", Collections.nCopies(userIds.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(viewer);
        args.addAll(userIds);
        args.add(viewer);
        args.addAll(userIds);
        args.add(viewer);
        args.add(viewer);
        Set<UUID> visible = new HashSet<>(jdbc.queryForList("""
                SELECT v.user_id FROM (
                    SELECT f.friend_id AS user_id FROM friends f WHERE f.user_id = ? AND f.friend_id IN (%s)
                    UNION
                    SELECT o.user_id FROM group_members m JOIN group_members o ON o.group_id = m.group_id
                    WHERE m.user_id = ? AND o.user_id IN (%s)
                ) v
                WHERE NOT EXISTS (SELECT 1 FROM blocks b
                                  WHERE (b.blocker_id = ? AND b.blocked_id = v.user_id)
                                     OR (b.blocker_id = v.user_id AND b.blocked_id = ?))""".formatted(ids, ids), UUID.class, args.toArray()));
        if (userIds.contains(viewer)) {
            visible.add(viewer);
        }
        return visible;
    }

    /** Who is told when the user's presence changes: their friends. */
    List<UUID> friendsOf(UUID user) {
        return jdbc.queryForList("SELECT friend_id FROM friends WHERE user_id = ?", UUID.class, user);
    }
}
