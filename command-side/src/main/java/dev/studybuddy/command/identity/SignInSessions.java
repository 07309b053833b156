package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own view of their sessions (sign-ins still able to refresh). Ending one is the UserAccount's
 * {@code EndSessionCommand}; this only says which sessions there are and whose.
 */
@Component
class SignInSessions {

    private final SignInSessionRepository repository;
    private final Clock clock;

    SignInSessions(SignInSessionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<SignInSession> liveOf(UUID userId) {
        return repository.findLive(userId, clock.instant());
    }

    /** Another user's session, an ended one and an unknown id are alike: not found, revealing nothing. */
    @Transactional(readOnly = true)
    void requireLive(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        repository
                .findById(sessionId)
                .filter(session -> session.userId().equals(userId) && session.liveAt(now))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such session."));
    }
}
