package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.api.user.VerifyEmailCommand;
import dev.studybuddy.command.identity.contact.ContactOutbox;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves that a user reads mail at their address: a single-use link token ({@link AccountTokens}) mailed at
 * registration and on request; presenting it marks the credential's address verified, tells notification-saga
 * through the contact outbox (only then does it mail notifications there) and records {@code EmailVerifiedEvent},
 * all in one transaction.
 */
@Component
class EmailVerification {

    private final CredentialRepository credentials;
    private final AccountTokens tokens;
    private final TokenRedemption redemption;
    private final AccountMail mail;
    private final AccountMailProperties properties;
    private final ContactOutbox contacts;
    private final CommandGateway commandGateway;
    private final Clock clock;

    EmailVerification(
            CredentialRepository credentials,
            AccountTokens tokens,
            TokenRedemption redemption,
            AccountMail mail,
            AccountMailProperties properties,
            ContactOutbox contacts,
            CommandGateway commandGateway,
            Clock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.redemption = redemption;
        this.mail = mail;
        this.properties = properties;
        this.contacts = contacts;
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    /** In the transaction that stored the address: a new token, mailed there once it commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    void mailLink(UUID userId, String address) {
        String token = tokens.issue(userId, AccountTokens.Purpose.VERIFY_EMAIL, properties.verificationLifetime());
        mail.sendAfterCommit(address, "Confirm your e-mail address for StudyBuddy", """
                Please confirm that this is your e-mail address for StudyBuddy:

                %s

                Or enter this code: %s

                The link works once, for %d hours. If you did not sign up for StudyBuddy, ignore this mail.
                """.formatted(
                        mail.link("/verify-email", token),
                        token,
                        properties.verificationLifetime().toHours()));
    }

    /** Another link to the signed-in user's address; earlier ones keep working until they expire. */
    @Transactional
    void mailLinkAgain(UUID userId) {
        // locked shared: an e-mail change under way ends first, and the link goes to the address it set, not the one it
        // left
        Credential credential = credentials
                .findForShare(userId)
                .filter(Credential::active)
                .orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_DEACTIVATED, "This account is deactivated."));
        if (credential.emailVerified()) {
            throw new DomainException(ErrorCode.CONFLICT, "This e-mail address is verified already.");
        }
        mailLink(userId, credential.email());
    }

    /** @return whose address is verified now */
    @Transactional
    UUID verify(String token) {
        Credential credential = redemption.redeem(token, AccountTokens.Purpose.VERIFY_EMAIL);
        UUID userId = credential.userId();
        credential.emailVerified(clock.instant());
        credentials.saveAndFlush(credential);
        contacts.addressVerified(userId, credential.email());
        // Whoever holds the link acts for the account, signed in or not (as a registration acts on its own behalf).
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new VerifyEmailCommand(userId))
                .andMetaData(MetaData.with(MessageMetadata.ACTOR, userId.toString())));
        return userId;
    }
}
