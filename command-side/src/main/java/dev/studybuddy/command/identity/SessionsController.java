package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.EndSessionCommand;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's sessions: list them, end one (docs/api.md, Identity). */
@RestController
@RequestMapping("/api/users/me/sessions")
class SessionsController {

    private final SignInSessions sessions;
    private final Commands commands;
    private final CredentialLock credentialLock;

    SessionsController(SignInSessions sessions, Commands commands, CredentialLock credentialLock) {
        this.sessions = sessions;
        this.commands = commands;
        this.credentialLock = credentialLock;
    }

    @GetMapping
    List<SessionView> list() {
        Optional<UUID> current = CurrentUser.sessionId();
        return sessions.liveOf(CurrentUser.id()).stream()
                .map(session -> SessionView.of(
                        session, current.filter(session.id()::equals).isPresent()))
                .toList();
    }

    @DeleteMapping("/{sessionId}")
    ResponseEntity<Void> end(@PathVariable UUID sessionId) {
        UUID me = CurrentUser.id();
        sessions.requireLive(me, sessionId);
        credentialLock.sendAndWait(me, new EndSessionCommand(me, sessionId));
        return commands.noContent(me);
    }

    record SessionView(
            UUID id, Instant createdAt, Instant lastUsedAt, String userAgent, String address, boolean current) {

        static SessionView of(SignInSession session, boolean current) {
            return new SessionView(
                    session.id(),
                    session.createdAt(),
                    session.lastUsedAt(),
                    session.userAgent(),
                    session.address(),
                    current);
        }
    }
}
