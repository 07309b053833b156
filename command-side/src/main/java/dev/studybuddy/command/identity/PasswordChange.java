package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.user.ChangePasswordCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Changes a signed-in user's password: the new one must pass the policy, the current one match. A wrong
 * current password counts as a failed login of the user's name from the caller's address ({@link LoginThrottle}),
 * so a stolen access token cannot be used to guess it faster than a login could. The new
 * hash and the account's {@code PasswordChangedEvent} are stored together (one transaction, as at
 * registration); the event moves the security stamp, so every earlier access token is refused and every
 * refresh token family revoked ({@link SecurityStampChanges}), the caller's too. The caller goes on in a new
 * session begun at the new stamp (docs/adr/0015): the stamp stays the one thing that ends sessions wholesale.
 */
@Component
class PasswordChange {

    private final CredentialRepository credentials;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle loginThrottle;
    private final CommandGateway commandGateway;
    private final Login login;

    PasswordChange(CredentialRepository credentials, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                   LoginThrottle loginThrottle, CommandGateway commandGateway, Login login) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.loginThrottle = loginThrottle;
        this.commandGateway = commandGateway;
        this.login = login;
    }

    /** @return the caller's new session: every other one, the one they asked from included, has ended */
    @Transactional
    TokenPair change(UUID userId, SignInSession.Client client, String currentPassword, String newPassword) {
        Credential credential = credentials.findById(userId).orElseThrow(() ->
                new DomainException(ErrorCode.ACCOUNT_DEACTIVATED, "This account has no password to change."));
        passwordPolicy.check(credential.username(), newPassword);
        LoginThrottle.Attempt attempt = loginThrottle.begin(credential.username(), client.address());
        if (!passwordEncoder.matches(currentPassword, credential.passwordHash())) {
            throw new DomainException(ErrorCode.WRONG_PASSWORD, "The current password is not right.");
        }
        attempt.succeeded();
        credential.changePasswordHash(passwordEncoder.encode(newPassword));
        credentials.saveAndFlush(credential);
        commandGateway.sendAndWait(new ChangePasswordCommand(userId));
        return login.startSession(userId, client);
    }
}
