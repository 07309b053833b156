package dev.studybuddy.query.user;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.UUID;

interface UserViewRepository extends JpaRepository<UserView, UUID> {

    /**
     * Active users whose user name or display name starts with {@code pattern} (a LIKE pattern with
     * {@code !} as escape), case-insensitively, in user name order after {@code afterUsername}.
     */
    @Query("""
            select u from UserView u
            where u.active = true
              and (lower(u.username) like lower(:pattern) escape '!'
                   or lower(u.displayName) like lower(:pattern) escape '!')
              and u.username > :afterUsername
            order by u.username""")
    List<UserView> searchActive(@Param("pattern") String pattern,
                                @Param("afterUsername") String afterUsername,
                                Limit limit);
}
