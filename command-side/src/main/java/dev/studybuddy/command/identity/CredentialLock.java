package dev.studybuddy.command.identity;

import dev.studybuddy.platform.consistency.Commands;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a change of an account's sign-in state with the account's credential row locked for update first: a command
 * whose events revoke its refresh tokens and end its sessions (signing out everywhere, ending a session, an
 * administrator's role change, deactivation or reactivation). A password change, an e-mail change, an erasure, a
 * refresh and a logout lock the credential first too, so one account's credential, refresh tokens and sessions are
 * changed by one request at a time, always in the same order: the credential, the account's aggregate, the refresh
 * tokens, the sessions (ADR 0015, "The order of locks"). Without it such a command held the aggregate and waited for
 * token rows an erasure held while the erasure waited for the aggregate, a cycle PostgreSQL cannot see.
 */
@Component
public class CredentialLock {

    private final CredentialRepository credentials;
    private final Commands commands;

    CredentialLock(CredentialRepository credentials, Commands commands) {
        this.credentials = credentials;
        this.commands = commands;
    }

    /** Sends {@code command} and waits for it, in a transaction that locked {@code userId}'s credential (if any) first. */
    @Transactional
    public void sendAndWait(UUID userId, Object command) {
        credentials.findForUpdate(userId);
        commands.sendAndWait(command);
    }
}
