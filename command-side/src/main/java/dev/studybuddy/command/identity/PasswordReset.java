package dev.studybuddy.command.identity;

import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.api.user.ChangePasswordCommand;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A forgotten password: a single-use token ({@link AccountTokens}) mailed to the account's address, if that address
 * is verified, and a new password set with it. Asking reveals nothing: whether or not an account has that address,
 * the caller is answered alike and the work differs by one row written (the mail leaves in the background,
 * {@link AccountMail}). Setting the password is a password change: it moves the security stamp, so every session of
 * the account ends ({@link SecurityStampChanges}).
 */
@Component
class PasswordReset {

    private final CredentialRepository credentials;
    private final AccountTokens tokens;
    private final TokenRedemption redemption;
    private final AccountMail mail;
    private final AccountMailProperties properties;
    private final AuthRateLimiter rateLimiter;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commandGateway;

    PasswordReset(
            CredentialRepository credentials,
            AccountTokens tokens,
            TokenRedemption redemption,
            AccountMail mail,
            AccountMailProperties properties,
            AuthRateLimiter rateLimiter,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            CommandGateway commandGateway) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.redemption = redemption;
        this.mail = mail;
        this.properties = properties;
        this.rateLimiter = rateLimiter;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
    }

    /** Mails a reset link to an open account with that verified address, at most a few an hour; else nothing. */
    @Transactional
    void mailLinkTo(String email) {
        credentials
                .findByEmailForShare(email.strip())
                .filter(Credential::active)
                .filter(Credential::emailVerified)
                .filter(credential -> rateLimiter.mayMailResetTo(credential.userId()))
                .ifPresent(credential -> {
                    String token = tokens.issue(
                            credential.userId(), AccountTokens.Purpose.RESET_PASSWORD, properties.resetLifetime());
                    mail.sendAfterCommit(credential.email(), "Reset your StudyBuddy password", """
                            Someone asked to reset the password of your StudyBuddy account %s. To choose a new one:

                            %s

                            Or enter this code: %s

                            The link works once, for %d minutes. Setting a new password signs you out everywhere.
                            If you did not ask for this, ignore this mail: your password stays as it is.
                            """.formatted(
                                    credential.username(),
                                    mail.link("/reset-password", token),
                                    token,
                                    properties.resetLifetime().toMinutes()));
                });
    }

    /** Spends the token and sets the password; a refused new password (policy) leaves the token unspent. */
    @Transactional
    void reset(String token, String newPassword) {
        Credential credential = redemption.redeem(token, AccountTokens.Purpose.RESET_PASSWORD);
        UUID userId = credential.userId();
        passwordPolicy.check(credential.username(), newPassword);
        credential.changePasswordHash(passwordEncoder.encode(newPassword));
        credentials.saveAndFlush(credential);
        // Nobody is signed in: the token's holder acts for the account, as at registration.
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new ChangePasswordCommand(userId))
                .andMetaData(MetaData.with(MessageMetadata.ACTOR, userId.toString())));
    }
}
