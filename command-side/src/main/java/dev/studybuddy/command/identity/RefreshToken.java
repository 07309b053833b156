package dev.studybuddy.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One issued refresh token (by hash). Spent once used; revoked with its whole family on reuse or logout, and
 * useless once its user's security stamp has moved on.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "family_id")
    private UUID familyId;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "spent_at")
    private Instant spentAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "security_stamp")
    private long securityStamp;

    protected RefreshToken() {}

    RefreshToken(
            String tokenHash, UUID familyId, UUID userId, long securityStamp, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.securityStamp = securityStamp;
        this.familyId = familyId;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    UUID familyId() {
        return familyId;
    }

    UUID userId() {
        return userId;
    }

    long securityStamp() {
        return securityStamp;
    }

    boolean usableAt(Instant now) {
        return spentAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    boolean alreadyUsed() {
        return spentAt != null || revokedAt != null;
    }

    void spend(Instant now) {
        spentAt = now;
    }
}
