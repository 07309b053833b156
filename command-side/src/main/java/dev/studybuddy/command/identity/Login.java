package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.AccountAuthority;
import dev.studybuddy.platform.security.AccountSecurity;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a user in and refreshes sessions. A wrong user name and a wrong password fail alike and take
 * alike long (a dummy hash is checked for unknown names), so a login reveals nobody's existence.
 * The roles, the open account and the security stamp put into a token are read from the UserAccount's own
 * events ({@link AccountAuthority}), never from a projection that may lag: the very next login after a change
 * reflects it.
 */
@Component
class Login {

    private static final Logger log = LoggerFactory.getLogger(Login.class);

    private final CredentialRepository credentials;
    private final PasswordEncoder passwordEncoder;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AccountAuthority authority;
    private final String dummyHash;

    Login(
            CredentialRepository credentials,
            PasswordEncoder passwordEncoder,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            AccountAuthority authority) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.authority = authority;
        this.dummyHash = passwordEncoder.encode("not a password anyone has");
    }

    @Transactional
    TokenPair login(String username, String password, SignInSession.Client client) {
        Optional<Credential> found = credentials.findByUsername(username.strip().toLowerCase(Locale.ROOT));
        boolean matches = passwordEncoder.matches(
                password, found.map(Credential::passwordHash).orElse(dummyHash));
        Credential credential = found.filter(ignored -> matches)
                .orElseThrow(() -> new DomainException(ErrorCode.INVALID_CREDENTIALS, "Wrong username or password."));
        // whether the account is open is the account's events' to say (startSession), not this row's, which follows
        // them a moment later: a reactivated account signs in at once
        return startSession(credential.userId(), client);
    }

    /**
     * A new session (refresh token family) of a user whose credentials were checked, at the stamp and roles the
     * account's events say now: after a password change too, whose stamp ended every earlier session.
     */
    @Transactional
    TokenPair startSession(UUID userId, SignInSession.Client client) {
        // an erasure under way ends first, and then the account's events say it is closed (or it waits for this one,
        // and deletes the session with the others): no session of an erased account outlives it
        credentials.findForShare(userId);
        AccountSecurity account = knownAccount(userId);
        if (!account.active()) {
            throw deactivated();
        }
        RefreshTokens.Issued session = refreshTokens.issueNewFamily(userId, account.stamp(), client);
        return TokenPair.bearer(
                accessTokens.issue(userId, account.roles(), account.stamp(), session.sessionId()),
                session.refreshToken(),
                accessTokens.lifetimeSeconds());
    }

    @Transactional(noRollbackFor = DomainException.class)
    TokenPair refresh(String refreshToken, SignInSession.Client client) {
        // checked before the token is spent: a refused refresh leaves it as it was
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken, this::knownAccount, client);
        AccountSecurity account = rotation.account();
        if (!account.active()) {
            throw deactivated();
        }
        return TokenPair.bearer(
                accessTokens.issue(rotation.userId(), account.roles(), account.stamp(), rotation.sessionId()),
                rotation.refreshToken(),
                accessTokens.lifetimeSeconds());
    }

    /** The session it ended, if the token named one that was not ended yet. */
    Optional<RefreshTokens.Family> logout(String refreshToken) {
        return refreshTokens.revokeFamilyOf(refreshToken);
    }

    /**
     * A credential always has its account's events: registration appends them before the credential commits. One
     * without them means the identity database and the event store are out of step (one restored or replaced without
     * the other); a token would carry none of the account's roles and no stamp to end it by, so none is issued.
     */
    private AccountSecurity knownAccount(UUID userId) {
        AccountSecurity account = authority.read(userId);
        if (!account.known()) {
            log.error(
                    "User {} has a credential but no UserAccount events: the identity database and the event store are"
                            + " out of step; nobody can sign in as this user until they are restored together",
                    userId);
            throw new DomainException(
                    ErrorCode.SERVICE_UNAVAILABLE, "Signing in to this account is not possible at the moment.");
        }
        return account;
    }

    private static DomainException deactivated() {
        return new DomainException(ErrorCode.ACCOUNT_DEACTIVATED, "This account is deactivated.");
    }
}
