package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.command.identity.contact.ContactOutbox;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Mirrors the UserAccount's roles and open/closed state into the credentials table, for people reading it; sign-in
 * does not rely on it (it reads the account's events, see {@link Login}), and revoking sessions is
 * {@link SecurityStampChanges}'s, in the command's own transaction. A closed account's e-mail address goes out of
 * use (the contact outbox tells notification-saga to forget it). Replays converge on the same rows. Each handler reads
 * the row locked, as the requests that change it do (a password change, an erasure): it writes the whole row back,
 * so a row read before such a change committed would undo it (an erasure racing a reactivation kept the name,
 * address and password). An erased account is never opened again here.
 */
@Component
@ProcessingGroup(IdentityProjection.PROCESSING_GROUP)
class IdentityProjection {

    static final String PROCESSING_GROUP = "identity";

    private final CredentialRepository credentials;
    private final ContactOutbox contacts;

    IdentityProjection(CredentialRepository credentials, ContactOutbox contacts) {
        this.credentials = credentials;
        this.contacts = contacts;
    }

    @EventHandler
    void on(PlatformRolesChangedEvent event) {
        credentials.findForUpdate(event.userId()).ifPresent(credential -> credential.setRoles(event.roles()));
    }

    /** The address is in use again, verified if it was (notification-saga mails there again). */
    @EventHandler
    void on(UserReactivatedEvent event) {
        credentials
                .findForUpdate(event.userId())
                .filter(credential -> !credential.active() && !credential.erased())
                .ifPresent(credential -> {
                    credential.reactivate();
                    if (credential.emailVerified()) {
                        contacts.addressVerified(event.userId(), credential.email());
                    } else {
                        contacts.addressChanged(event.userId(), credential.email());
                    }
                });
    }

    @EventHandler
    void on(UserDeactivatedEvent event) {
        // Only on the change itself: a replay of an old deactivation writes no second outbox row (unless the account
        // was reactivated since: the replay then closes and opens it again, and notification-saga ends where it was).
        credentials.findForUpdate(event.userId()).filter(Credential::active).ifPresent(credential -> {
            credential.deactivate();
            contacts.addressForgotten(event.userId());
        });
    }
}
