package dev.studybuddy.command.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignInSessionRepository extends JpaRepository<SignInSession, UUID> {

    @Query("select s from SignInSession s where s.userId = :userId and s.endedAt is null and s.expiresAt > :now"
            + " order by s.lastUsedAt desc")
    List<SignInSession> findLive(UUID userId, Instant now);

    @Modifying
    @Query("update SignInSession s set s.endedAt = :now where s.id = :id and s.endedAt is null")
    int end(UUID id, Instant now);

    @Modifying
    @Query("update SignInSession s set s.endedAt = :now where s.userId = :userId and s.endedAt is null")
    int endAllOf(UUID userId, Instant now);

    /** Skips rows a request holds: a purge never waits, so it cannot deadlock with a revocation (other row order). */
    @Modifying
    @Query(
            value = "DELETE FROM sign_in_sessions WHERE id IN"
                    + " (SELECT id FROM sign_in_sessions WHERE expires_at < :before FOR UPDATE SKIP LOCKED)",
            nativeQuery = true)
    int deleteExpiredBefore(Instant before);
}
