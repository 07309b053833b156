package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps what sign-in needs in step with the UserAccount events: the roles put into new tokens, and
 * whether the account may still sign in. Replays converge on the same rows.
 */
@Component
@ProcessingGroup(IdentityProjection.PROCESSING_GROUP)
class IdentityProjection {

    static final String PROCESSING_GROUP = "identity";

    private final CredentialRepository credentials;
    private final RefreshTokens refreshTokens;
    private final ActiveAccountValidator activeAccounts;

    IdentityProjection(CredentialRepository credentials, RefreshTokens refreshTokens,
                       ActiveAccountValidator activeAccounts) {
        this.credentials = credentials;
        this.refreshTokens = refreshTokens;
        this.activeAccounts = activeAccounts;
    }

    @EventHandler
    void on(PlatformRolesChangedEvent event) {
        credentials.findById(event.userId()).ifPresent(credential -> credential.setRoles(event.roles()));
    }

    @EventHandler
    void on(UserDeactivatedEvent event) {
        credentials.findById(event.userId()).ifPresent(Credential::deactivate);
        refreshTokens.revokeAllOf(event.userId());
        activeAccounts.forget(event.userId());
    }
}
