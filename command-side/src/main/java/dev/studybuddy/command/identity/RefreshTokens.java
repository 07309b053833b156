package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.AccountSecurity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opaque refresh tokens: 256 random bits handed out once, kept only as a SHA-256 hash. Each use spends
 * the token and hands out its successor in the same family; showing a spent one again means it was
 * stolen, so the whole family is revoked. Each token remembers its user's security stamp: once the stamp has
 * moved on (roles changed, account closed, signed out everywhere) the family is revoked at its next use, whether
 * or not the change's own revocation ({@link #revokeAllOf}) has reached it.
 */
@Component
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository repository;
    private final IdentityProperties properties;
    private final Clock clock;

    RefreshTokens(RefreshTokenRepository repository, IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new family (a login) at the user's current security stamp. */
    String issueNewFamily(UUID userId, long securityStamp) {
        return issue(userId, UUID.randomUUID(), securityStamp);
    }

    /**
     * Spends {@code presented} and returns the user it belongs to, as the authority sees them now, with its
     * successor. A reused token, or one issued at an outdated security stamp, revokes its family: that revocation
     * commits even though the caller is refused.
     */
    @Transactional(noRollbackFor = DomainException.class)
    Rotation rotate(String presented, Function<UUID, AccountSecurity> authority) {
        Instant now = clock.instant();
        RefreshToken token = repository.findForUpdate(hash(presented)).orElseThrow(RefreshTokens::invalid);
        if (token.alreadyUsed()) {
            repository.revokeFamily(token.familyId(), now);
            throw invalid();
        }
        if (!token.usableAt(now)) {
            throw invalid();
        }
        AccountSecurity account = authority.apply(token.userId());
        if (account.stamp() != token.securityStamp()) {
            repository.revokeFamily(token.familyId(), now);
            throw invalid();
        }
        token.spend(now);
        return new Rotation(token.userId(), account, issue(token.userId(), token.familyId(), account.stamp()));
    }

    /** Revokes the family of {@code presented}; unknown tokens are ignored, so logout never reveals anything. */
    @Transactional
    void revokeFamilyOf(String presented) {
        repository.findForUpdate(hash(presented))
                .ifPresent(token -> repository.revokeFamily(token.familyId(), clock.instant()));
    }

    /** In the caller's transaction, if there is one (a security stamp change's command). */
    @Transactional
    void revokeAllOf(UUID userId) {
        repository.revokeAllOf(userId, clock.instant());
    }

    /** Expired tokens are useless; a week's grace keeps reuse of recently expired ones detectable. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    void purgeExpired() {
        repository.deleteExpiredBefore(clock.instant().minus(java.time.Duration.ofDays(7)));
    }

    private String issue(UUID userId, UUID familyId, long securityStamp) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        repository.save(new RefreshToken(hash(value), familyId, userId, securityStamp, now, now.plus(properties.refreshTokenTtl())));
        return value;
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is not valid.");
    }

    record Rotation(UUID userId, AccountSecurity account, String refreshToken) {
    }
}
