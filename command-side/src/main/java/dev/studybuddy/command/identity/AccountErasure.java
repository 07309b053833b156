package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.user.EraseUserCommand;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.command.file.FileCatalog;
import dev.studybuddy.command.identity.contact.ContactOutbox;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.platform.security.SecurityStamps;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erases an account (docs/adr/0019-erasure-by-crypto-shredding.md), in one transaction: the user's files are
 * deleted, identity forgets the name, address, password, sign-ins and mailed tokens (the name is free again), the
 * contact outbox tells notification-saga to forget the address, the user's data key is destroyed, and the account
 * records {@code UserErasedEvent}, which ends every session at once like any security stamp change. Once committed,
 * every node is told to drop the key from its cache. The key is destroyed before the event so that nothing written
 * after it can be sealed with it; if the transaction then fails, the erasure can be asked for again and completes.
 */
@Component
class AccountErasure {

    private final CredentialRepository credentials;
    private final CurrentPassword currentPassword;
    private final FileCatalog files;
    private final ContactOutbox contacts;
    private final RefreshTokens refreshTokens;
    private final PersonalDataKeys keys;
    private final CommandGateway commandGateway;
    private final SecurityStamps stamps;
    private final JdbcTemplate jdbc;

    AccountErasure(
            CredentialRepository credentials,
            CurrentPassword currentPassword,
            FileCatalog files,
            ContactOutbox contacts,
            RefreshTokens refreshTokens,
            PersonalDataKeys keys,
            CommandGateway commandGateway,
            SecurityStamps stamps,
            JdbcTemplate jdbc) {
        this.credentials = credentials;
        this.currentPassword = currentPassword;
        this.files = files;
        this.contacts = contacts;
        this.refreshTokens = refreshTokens;
        this.keys = keys;
        this.commandGateway = commandGateway;
        this.stamps = stamps;
        this.jdbc = jdbc;
    }

    /**
     * The user erases themselves, proving it with their password ({@code WRONG_PASSWORD} changes nothing). Asked twice
     * at once, the second finds the account erased as it asks, with no password left to prove: done, like an
     * administrator's second erasure.
     */
    @Transactional
    void eraseOwn(UUID userId, String address, String password) {
        Credential credential = currentPassword.lockedOf(userId);
        if (credential.erased()) {
            return;
        }
        currentPassword.check(credential, address, password);
        erase(credential);
    }

    /** A platform administrator erases an account. */
    @Transactional
    void eraseByAdministrator(UUID userId) {
        erase(credentials
                .findForUpdate(userId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such user.")));
    }

    private void erase(Credential credential) {
        UUID userId = credential.userId();
        if (credential.roles().contains(PlatformRole.ADMIN)) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED,
                    "An administrator's account is not erased: another administrator takes the ADMIN role first.");
        }
        files.eraseAllOf(userId);
        credential.erase();
        credentials.saveAndFlush(credential);
        // the refresh tokens before the sessions, in the order of a logout, which locks its token first
        refreshTokens.revokeAllOf(userId);
        jdbc.update("DELETE FROM sign_in_sessions WHERE user_id = ?", userId);
        jdbc.update("DELETE FROM account_tokens WHERE user_id = ?", userId);
        contacts.addressForgotten(userId);
        keys.destroy(userId);
        commandGateway.sendAndWait(new EraseUserCommand(userId));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stamps.announceErased(userId);
            }
        });
    }
}
