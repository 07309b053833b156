package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.AccountSecurity;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens: 256 random bits handed out once, kept only as a SHA-256 hash. Each use spends
 * the token and hands out its successor in the same family; showing a spent one again means it was
 * stolen, so the whole family is revoked and its session ended ({@link Reused}). Each token remembers its user's
 * security stamp: once the stamp has moved on (roles changed, account closed, signed out everywhere) the family is revoked at its next use, whether
 * or not the change's own revocation ({@link #revokeAllOf}) has reached it. A family is what its user sees as one
 * session ({@link SignInSession}, same id): it is ended whenever its family is revoked.
 */
@Component
class RefreshTokens {

    private static final String INVALID = "The refresh token is not valid.";

    private final RefreshTokenRepository repository;
    private final SignInSessionRepository sessions;
    private final CredentialRepository credentials;
    private final IdentityProperties properties;
    private final Clock clock;

    RefreshTokens(
            RefreshTokenRepository repository,
            SignInSessionRepository sessions,
            CredentialRepository credentials,
            IdentityProperties properties,
            Clock clock) {
        this.repository = repository;
        this.sessions = sessions;
        this.credentials = credentials;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new family (a login, a new session) at the user's current security stamp. */
    @Transactional
    Issued issueNewFamily(UUID userId, long securityStamp, SignInSession.Client client) {
        UUID familyId = UUID.randomUUID();
        Instant now = clock.instant();
        sessions.save(new SignInSession(familyId, userId, client, now, now.plus(properties.refreshTokenTtl())));
        return new Issued(familyId, issue(userId, familyId, securityStamp));
    }

    /**
     * Spends {@code presented} and returns the user it belongs to, as the authority sees them now, with its
     * successor. A reused token, or one issued at an outdated security stamp, revokes its family: that revocation
     * commits even though the caller is refused.
     *
     * <p>The account's credential is locked before the token ({@link CredentialLock}): one request at a time changes an
     * account's tokens and sessions. Locking the token first deadlocked with an erasure, and an erasure committing
     * between the account's check and the session's write had it write a session (user agent, address) of the account
     * just erased.
     */
    @Transactional(noRollbackFor = DomainException.class)
    Rotation rotate(String presented, Function<UUID, AccountSecurity> authority, SignInSession.Client client) {
        Instant now = clock.instant();
        RefreshToken token = lockedAfterItsCredential(presented).orElseThrow(RefreshTokens::invalid);
        if (token.alreadyUsed()) {
            throw new Reused(revokeFamilyOf(token, now));
        }
        if (!token.usableAt(now)) {
            throw invalid();
        }
        AccountSecurity account = authority.apply(token.userId());
        if (account.stamp() != token.securityStamp()) {
            revokeFamily(token.familyId(), now);
            throw invalid();
        }
        token.spend(now);
        Instant expiresAt = now.plus(properties.refreshTokenTtl());
        sessions.findById(token.familyId())
                .ifPresentOrElse(
                        session -> session.used(client, now, expiresAt),
                        () -> sessions.save(
                                new SignInSession(token.familyId(), token.userId(), client, now, expiresAt)));
        return new Rotation(
                token.userId(), token.familyId(), account, issue(token.userId(), token.familyId(), account.stamp()));
    }

    /**
     * Revokes the family of {@code presented} and says whose session it ended, if it was not ended yet; unknown tokens
     * are ignored, so logout never reveals anything. The credential is locked first, as for {@link #rotate}: locking
     * the token before the rest of its family deadlocked with a revocation of all the account's tokens.
     */
    @Transactional
    Optional<Family> revokeFamilyOf(String presented) {
        return lockedAfterItsCredential(presented).flatMap(token -> revokeFamilyOf(token, clock.instant()));
    }

    /** In the caller's transaction, if there is one (the command that ended the session). */
    @Transactional
    void revokeFamily(UUID familyId) {
        revokeFamily(familyId, clock.instant());
    }

    /** In the caller's transaction, if there is one (a security stamp change's command). */
    @Transactional
    void revokeAllOf(UUID userId) {
        Instant now = clock.instant();
        repository.revokeAllOf(userId, now);
        sessions.endAllOf(userId, now);
    }

    /** The token, locked after its owner's credential (the order of {@link CredentialLock}); empty if unknown. */
    private Optional<RefreshToken> lockedAfterItsCredential(String presented) {
        String tokenHash = hash(presented);
        return repository.ownerOf(tokenHash).flatMap(owner -> {
            credentials.findForUpdate(owner);
            return repository.findForUpdate(tokenHash);
        });
    }

    /** @return the session of {@code token}, if this revocation ended it (a family revoked before ends nothing) */
    private Optional<Family> revokeFamilyOf(RefreshToken token, Instant now) {
        return revokeFamily(token.familyId(), now)
                ? Optional.of(new Family(token.userId(), token.familyId()))
                : Optional.empty();
    }

    /** @return whether it changed anything: a token or the session still open */
    private boolean revokeFamily(UUID familyId, Instant now) {
        int tokensRevoked = repository.revokeFamily(familyId, now);
        int sessionsEnded = sessions.end(familyId, now);
        return tokensRevoked + sessionsEnded > 0;
    }

    /** Expired tokens are useless; a week's grace keeps reuse of recently expired ones detectable. */
    @Transactional
    void purgeExpired() {
        Instant before = clock.instant().minus(java.time.Duration.ofDays(7));
        repository.deleteExpiredBefore(before);
        sessions.deleteExpiredBefore(before);
    }

    private String issue(UUID userId, UUID familyId, long securityStamp) {
        String value = OpaqueTokens.newValue();
        Instant now = clock.instant();
        repository.save(new RefreshToken(
                hash(value), familyId, userId, securityStamp, now, now.plus(properties.refreshTokenTtl())));
        return value;
    }

    private static String hash(String value) {
        return OpaqueTokens.hash(value);
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, INVALID);
    }

    record Rotation(UUID userId, UUID sessionId, AccountSecurity account, String refreshToken) {}

    /** A new family: its id (the session's) and its first token. */
    record Issued(UUID sessionId, String refreshToken) {}

    /** Whose session a family is. */
    record Family(UUID userId, UUID sessionId) {}

    /**
     * A spent token shown again: its family is revoked (it was stolen, or its owner's copy was), and the session it
     * ended, unless an earlier reuse or a logout had ended it, must end for its access tokens too.
     */
    static final class Reused extends DomainException {

        private final transient Optional<Family> endedSession;

        Reused(Optional<Family> endedSession) {
            super(ErrorCode.INVALID_REFRESH_TOKEN, INVALID);
            this.endedSession = endedSession;
        }

        Optional<Family> endedSession() {
            return endedSession;
        }
    }
}
