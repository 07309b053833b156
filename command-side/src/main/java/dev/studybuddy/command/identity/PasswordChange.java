package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.ChangePasswordCommand;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a signed-in user's password: the new one must pass the policy, the current one match
 * ({@link CurrentPassword}). The new hash and the account's {@code PasswordChangedEvent} are stored together (one
 * transaction, as at registration); the event moves the security stamp, so every earlier access token is refused
 * and every refresh token family revoked ({@link SecurityStampChanges}), the caller's too. The caller goes on in a
 * new session begun at the new stamp (docs/adr/0015): the stamp stays the one thing that ends sessions wholesale.
 */
@Component
class PasswordChange {

    private final CredentialRepository credentials;
    private final CurrentPassword currentPassword;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CommandGateway commandGateway;
    private final Login login;

    PasswordChange(
            CredentialRepository credentials,
            CurrentPassword currentPassword,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            CommandGateway commandGateway,
            Login login) {
        this.credentials = credentials;
        this.currentPassword = currentPassword;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.commandGateway = commandGateway;
        this.login = login;
    }

    /** @return the caller's new session: every other one, the one they asked from included, has ended */
    @Transactional
    TokenPair change(UUID userId, SignInSession.Client client, String password, String newPassword) {
        Credential credential = currentPassword.of(userId);
        passwordPolicy.check(credential.username(), newPassword);
        currentPassword.check(credential, client.address(), password);
        credential.changePasswordHash(passwordEncoder.encode(newPassword));
        credentials.saveAndFlush(credential);
        commandGateway.sendAndWait(new ChangePasswordCommand(userId));
        return login.startSession(userId, client);
    }
}
