package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.RegisterUserCommand;
import dev.studybuddy.api.user.Usernames;
import dev.studybuddy.command.identity.contact.ContactOutbox;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens an account: the credential row first (its unique indexes decide races between registrations),
 * with its e-mail address in the contact outbox and a verification link's token (mailed once all has committed),
 * then the UserAccount aggregate. If the command fails all roll back, so nothing partial is stored or mailed.
 */
@Component
class Registration {

    private final CredentialRepository credentials;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final ContactOutbox contacts;
    private final EmailVerification emailVerification;
    private final CommandGateway commandGateway;
    private final Clock clock;
    private final PersonalDataKeys keys;

    Registration(
            CredentialRepository credentials,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            ContactOutbox contacts,
            EmailVerification emailVerification,
            CommandGateway commandGateway,
            Clock clock,
            PersonalDataKeys keys) {
        this.credentials = credentials;
        this.contacts = contacts;
        this.emailVerification = emailVerification;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.commandGateway = commandGateway;
        this.clock = clock;
        this.keys = keys;
    }

    @Transactional
    UUID register(String username, String email, String password, String displayName, Set<PlatformRole> roles) {
        String normalizedUsername = Usernames.requireValid(username);
        passwordPolicy.check(normalizedUsername, password);
        UUID userId = UUID.randomUUID();
        String address = email.strip();
        RegisterUserCommand command = new RegisterUserCommand(userId, normalizedUsername, displayName, roles);
        try {
            credentials.saveAndFlush(new Credential(
                    userId,
                    normalizedUsername,
                    address,
                    passwordEncoder.encode(password),
                    command.roles(),
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw duplicate(e);
        }
        contacts.addressChanged(userId, address);
        emailVerification.mailLink(userId, address);
        // the user's data key, which their registration event's name is sealed with (docs/adr/0019)
        keys.create(userId);
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(MessageMetadata.ACTOR, userId.toString())));
        return userId;
    }

    boolean usernameExists(String username) {
        return credentials.findByUsername(Usernames.requireValid(username)).isPresent();
    }

    private static DomainException duplicate(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("credentials_email_unique")) {
            return new DomainException(ErrorCode.EMAIL_TAKEN, "This e-mail address is already registered.");
        }
        if (message.contains("credentials_username_unique")) {
            return new DomainException(ErrorCode.USERNAME_TAKEN, "This username is taken.");
        }
        throw e;
    }
}
