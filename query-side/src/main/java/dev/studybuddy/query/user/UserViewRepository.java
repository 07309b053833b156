package dev.studybuddy.query.user;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserViewRepository extends JpaRepository<UserView, UUID> {

    /**
     * Active users whose user name or display name starts with {@code pattern} (a LIKE pattern with
     * {@code !} as escape), case-insensitively, in user name order after {@code afterUsername}, except
     * those {@code viewerId} blocked or who blocked {@code viewerId} (the friendships read model's blocks).
     */
    @Query(nativeQuery = true, value = """
            SELECT u.* FROM users u
            WHERE u.active
              AND (lower(u.username) LIKE lower(:pattern) ESCAPE '!'
                   OR lower(u.display_name) LIKE lower(:pattern) ESCAPE '!')
              AND u.username > :afterUsername
              AND NOT EXISTS (SELECT 1 FROM blocks b
                              WHERE (b.blocker_id = :viewerId AND b.blocked_id = u.user_id)
                                 OR (b.blocker_id = u.user_id AND b.blocked_id = :viewerId))
            ORDER BY u.username
            LIMIT :limit""")
    List<UserView> searchActive(
            @Param("viewerId") UUID viewerId,
            @Param("pattern") String pattern,
            @Param("afterUsername") String afterUsername,
            @Param("limit") int limit);

    /** Whether {@code blockerId} blocks {@code blockedId} (the friendships read model's blocks). */
    @Query(
            nativeQuery = true,
            value = "SELECT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :blockerId AND blocked_id = :blockedId)")
    boolean blocks(@Param("blockerId") UUID blockerId, @Param("blockedId") UUID blockedId);
}
