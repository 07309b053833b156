package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.user.ChangeEmailCommand;
import dev.studybuddy.command.identity.contact.ContactOutbox;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user moves their account to another address, proving it is them with their password
 * ({@link CurrentPassword}). In one transaction: the credential takes the new address, unverified; links mailed
 * before (verification, reset) stop working; notification-saga learns the new address, unverified, so it mails
 * nothing there until the user follows the verification link mailed to it; the old address, if it was verified, is
 * told; and {@code EmailChangedEvent} moves the security stamp, so the other sessions end while the caller goes on in
 * a new one, as after a password change (docs/adr/0015).
 */
@Component
class EmailChange {

    private final CurrentPassword currentPassword;
    private final CredentialRepository credentials;
    private final AccountTokens tokens;
    private final ContactOutbox contacts;
    private final EmailVerification verification;
    private final AccountMail mail;
    private final CommandGateway commandGateway;
    private final Login login;

    EmailChange(
            CurrentPassword currentPassword,
            CredentialRepository credentials,
            AccountTokens tokens,
            ContactOutbox contacts,
            EmailVerification verification,
            AccountMail mail,
            CommandGateway commandGateway,
            Login login) {
        this.currentPassword = currentPassword;
        this.credentials = credentials;
        this.tokens = tokens;
        this.contacts = contacts;
        this.verification = verification;
        this.mail = mail;
        this.commandGateway = commandGateway;
        this.login = login;
    }

    /** @return the caller's new session: every other one, the one they asked from included, has ended */
    @Transactional
    TokenPair change(UUID userId, SignInSession.Client client, String password, String newEmail) {
        Credential credential = currentPassword.of(userId);
        currentPassword.check(credential, client.address(), password);
        String address = newEmail.strip();
        if (address.equalsIgnoreCase(credential.email())) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "This is the account's address already.");
        }
        String oldAddress = credential.email();
        boolean oldVerified = credential.emailVerified();
        credential.changeEmail(address);
        try {
            credentials.saveAndFlush(credential);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("credentials_email_unique")) {
                throw new DomainException(ErrorCode.EMAIL_TAKEN, "This e-mail address is already registered.");
            }
            throw e;
        }
        tokens.spendAll(userId, AccountTokens.Purpose.VERIFY_EMAIL);
        tokens.spendAll(userId, AccountTokens.Purpose.RESET_PASSWORD);
        contacts.addressChanged(userId, address);
        verification.mailLink(userId, address);
        if (oldVerified) {
            mail.sendAfterCommit(
                    oldAddress, "Your StudyBuddy e-mail address was changed", """
                    The e-mail address of your StudyBuddy account %s was changed just now, and every session of the
                    account but the one that changed it was signed out. StudyBuddy will not write to this address any more.

                    If you did not do this, someone else has your password: tell the StudyBuddy administrators at once.
                    """.formatted(credential.username()));
        }
        commandGateway.sendAndWait(new ChangeEmailCommand(userId));
        return login.startSession(userId, client);
    }
}
