package dev.studybuddy.command.identity;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {

    /** Whose token it is, without locking it. */
    @Query("select t.userId from RefreshToken t where t.tokenHash = :tokenHash")
    Optional<UUID> ownerOf(String tokenHash);

    /** Locks the row, so that two refreshes racing with one token cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from RefreshToken t where t.tokenHash = :tokenHash")
    Optional<RefreshToken> findForUpdate(String tokenHash);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId and t.revokedAt is null")
    int revokeFamily(UUID familyId, Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.userId = :userId and t.revokedAt is null")
    int revokeAllOf(UUID userId, Instant now);

    /** Skips rows a request holds: a purge never waits, so it cannot deadlock with a revocation (other row order). */
    @Modifying
    @Query(
            value = "DELETE FROM refresh_tokens WHERE token_hash IN"
                    + " (SELECT token_hash FROM refresh_tokens WHERE expires_at < :before FOR UPDATE SKIP LOCKED)",
            nativeQuery = true)
    int deleteExpiredBefore(Instant before);
}
