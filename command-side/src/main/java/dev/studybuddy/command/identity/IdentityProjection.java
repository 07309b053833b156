package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.command.identity.contact.ContactOutbox;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps what sign-in needs in step with the UserAccount events: the roles put into new tokens, and
 * whether the account may still sign in. A closed account's e-mail address goes out of use (the contact outbox
 * tells notification-saga to forget it). Replays converge on the same rows.
 */
@Component
@ProcessingGroup(IdentityProjection.PROCESSING_GROUP)
class IdentityProjection {

    static final String PROCESSING_GROUP = "identity";

    private final CredentialRepository credentials;
    private final RefreshTokens refreshTokens;
    private final ActiveAccountValidator activeAccounts;
    private final ContactOutbox contacts;

    IdentityProjection(CredentialRepository credentials, RefreshTokens refreshTokens,
                       ActiveAccountValidator activeAccounts, ContactOutbox contacts) {
        this.credentials = credentials;
        this.refreshTokens = refreshTokens;
        this.activeAccounts = activeAccounts;
        this.contacts = contacts;
    }

    @EventHandler
    void on(PlatformRolesChangedEvent event) {
        credentials.findById(event.userId()).ifPresent(credential -> credential.setRoles(event.roles()));
    }

    @EventHandler
    void on(UserDeactivatedEvent event) {
        // Only on the change itself: a replay of an old deactivation writes no second outbox row.
        credentials.findById(event.userId()).filter(Credential::active).ifPresent(credential -> {
            credential.deactivate();
            contacts.addressForgotten(event.userId());
        });
        refreshTokens.revokeAllOf(event.userId());
        activeAccounts.forget(event.userId());
    }
}
