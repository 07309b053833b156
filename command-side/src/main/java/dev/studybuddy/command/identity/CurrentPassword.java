package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A signed-in user proves it is them before changing their password or address. A wrong password counts as a failed
 * login of the user's name from the caller's address ({@link LoginThrottle}), so a stolen access token cannot be
 * used to guess it faster than a login could.
 */
@Component
class CurrentPassword {

    private final CredentialRepository credentials;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle loginThrottle;

    CurrentPassword(CredentialRepository credentials, PasswordEncoder passwordEncoder, LoginThrottle loginThrottle) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.loginThrottle = loginThrottle;
    }

    /**
     * The signed-in user's credential (a closed account's is refused by the aggregate later), locked for the caller's
     * transaction, which must change it or give up before another proof of the same password is taken.
     */
    Credential of(UUID userId) {
        Credential credential = lockedOf(userId);
        if (credential.erased()) {
            // erased while the request waited for the credential (an erasure asked twice at once, say): no password
            // is left to prove, and "wrong password" would be untrue and count as a failed login
            throw new DomainException(ErrorCode.ACCOUNT_DEACTIVATED, "This account was erased.");
        }
        return credential;
    }

    /** As {@link #of}, an erased account's credential too (which no password matches). */
    Credential lockedOf(UUID userId) {
        return credentials
                .findForUpdate(userId)
                .orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_DEACTIVATED, "This account has no password."));
    }

    /** Refuses (403 {@code WRONG_PASSWORD}) unless {@code password} is the credential's. */
    void check(Credential credential, String address, String password) {
        LoginThrottle.Attempt attempt = loginThrottle.begin(credential.username(), address);
        if (!passwordEncoder.matches(password, credential.passwordHash())) {
            throw new DomainException(ErrorCode.WRONG_PASSWORD, "The current password is not right.");
        }
        attempt.succeeded();
    }
}
