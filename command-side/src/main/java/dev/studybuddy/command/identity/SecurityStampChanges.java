package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.ChangesSecurityStamp;
import dev.studybuddy.api.user.SessionEndedEvent;
import dev.studybuddy.platform.security.SecurityStamps;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Runs in the unit of work of the command that changed a user's security stamp (a subscribing processor, see
 * application.yml): the user's refresh token families are revoked in the same transaction, and once it has
 * committed every node is told the new stamp ({@link SecurityStamps#announce}), so the user's older access tokens
 * are refused everywhere within a moment. One ended session ({@link SessionEndedEvent}) goes the same way for its
 * own refresh token family and the access tokens that name it ({@code sid}).
 */
@Component
@ProcessingGroup(SecurityStampChanges.PROCESSING_GROUP)
class SecurityStampChanges {

    static final String PROCESSING_GROUP = "security-stamps";

    private final RefreshTokens refreshTokens;
    private final SecurityStamps stamps;

    SecurityStampChanges(RefreshTokens refreshTokens, SecurityStamps stamps) {
        this.refreshTokens = refreshTokens;
        this.stamps = stamps;
    }

    @EventHandler
    void on(ChangesSecurityStamp event, @SequenceNumber long stamp) {
        refreshTokens.revokeAllOf(event.userId());
        afterCommit(() -> stamps.announce(event.userId(), stamp));
    }

    /** One session: its refresh token family is revoked, and every node refuses the access tokens that name it. */
    @EventHandler
    void on(SessionEndedEvent event) {
        refreshTokens.revokeFamily(event.sessionId());
        afterCommit(() -> stamps.announceSessionEnded(event.userId(), event.sessionId()));
    }

    private static void afterCommit(Runnable announcement) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> announcement.run());
        } else {
            announcement.run();
        }
    }
}
