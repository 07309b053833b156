package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.command.identity.contact.ContactOutbox;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mirrors the UserAccount's roles and open/closed state into the credentials table, for people reading it; sign-in
 * does not rely on it (it reads the account's events, see {@link Login}), and revoking sessions is
 * {@link SecurityStampChanges}'s, in the command's own transaction. A closed account's e-mail address goes out of
 * use (the contact outbox tells notification-saga to forget it). Replays converge on the same rows.
 * <p>
 * Each handler changes only its own columns, in one statement that also checks the row's state: PostgreSQL checks
 * it again after waiting for a request that holds the row (a password change, an erasure), so a handler never
 * undoes such a change, and an erased account is never opened again here. With JDBC, as every processor writes: a
 * failure is undone by the handler's savepoint and its event parked, where a JPA repository's failure marked the
 * processor's whole transaction rollback-only.
 */
@Component
@ProcessingGroup(IdentityProjection.PROCESSING_GROUP)
class IdentityProjection {

    static final String PROCESSING_GROUP = "identity";

    private final JdbcTemplate jdbc;
    private final ContactOutbox contacts;

    IdentityProjection(JdbcTemplate jdbc, ContactOutbox contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @EventHandler
    void on(PlatformRolesChangedEvent event) {
        jdbc.update(
                "UPDATE credentials SET roles = ? WHERE user_id = ?",
                Credential.rolesColumn(event.roles()),
                event.userId());
    }

    /** The address is in use again, verified if it was (notification-saga mails there again). */
    @EventHandler
    void on(UserReactivatedEvent event) {
        jdbc.query(
                        """
                        UPDATE credentials SET active = true
                         WHERE user_id = ? AND NOT active AND password_hash <> ?
                        RETURNING email, email_verified_at IS NOT NULL AS verified""",
                        (row, n) -> new Address(row.getString("email"), row.getBoolean("verified")),
                        event.userId(),
                        Credential.ERASED_PASSWORD)
                .forEach(address -> {
                    if (address.verified()) {
                        contacts.addressVerified(event.userId(), address.email());
                    } else {
                        contacts.addressChanged(event.userId(), address.email());
                    }
                });
    }

    @EventHandler
    void on(UserDeactivatedEvent event) {
        // Only on the change itself: a replay of an old deactivation writes no second outbox row (unless the account
        // was reactivated since: the replay then closes and opens it again, and notification-saga ends where it was).
        if (jdbc.update("UPDATE credentials SET active = false WHERE user_id = ? AND active", event.userId()) > 0) {
            contacts.addressForgotten(event.userId());
        }
    }

    private record Address(String email, boolean verified) {}
}
