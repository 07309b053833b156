package dev.studybuddy.command.identity;

import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.api.user.EndSessionCommand;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.SignOutEverywhereCommand;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Register, login, refresh, logout and sign-out everywhere (docs/api.md, Identity). */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    /** No user name holds one (registration refuses them), and PostgreSQL cannot even look up a NUL. */
    private static final String NO_CONTROL_CHARACTERS = "\\P{Cc}*";

    private final Registration registration;
    private final Login login;
    private final AuthRateLimiter rateLimiter;
    private final LoginThrottle loginThrottle;
    private final Commands commands;
    private final CredentialLock credentialLock;

    AuthController(
            Registration registration,
            Login login,
            AuthRateLimiter rateLimiter,
            LoginThrottle loginThrottle,
            Commands commands,
            CredentialLock credentialLock) {
        this.registration = registration;
        this.login = login;
        this.rateLimiter = rateLimiter;
        this.loginThrottle = loginThrottle;
        this.commands = commands;
        this.credentialLock = credentialLock;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        rateLimiter.checkAddress(AuthRateLimiter.Action.REGISTER, http.getRemoteAddr());
        rateLimiter.checkRegistrationOf(normalized(request.username()));
        UUID userId = registration.register(
                request.username(),
                request.email(),
                request.password(),
                request.displayName(),
                Set.of(PlatformRole.USER));
        return new Registered(userId);
    }

    @PostMapping("/login")
    TokenPair login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        rateLimiter.checkAddress(AuthRateLimiter.Action.LOGIN, http.getRemoteAddr());
        LoginThrottle.Attempt attempt = loginThrottle.begin(normalized(request.username()), http.getRemoteAddr());
        TokenPair tokens = login.login(request.username(), request.password(), SignInSession.Client.of(http));
        attempt.succeeded();
        return tokens;
    }

    /** A reused refresh token ends its session as a logout does: the access tokens issued from it stop working too. */
    @PostMapping("/refresh")
    TokenPair refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        rateLimiter.checkAddress(AuthRateLimiter.Action.REFRESH, http.getRemoteAddr());
        try {
            return login.refresh(request.refreshToken(), SignInSession.Client.of(http));
        } catch (RefreshTokens.Reused reused) {
            reused.endedSession().ifPresent(this::end);
            throw reused;
        }
    }

    /** Ends the token's session: its refresh tokens at once, the access tokens issued from it like DELETE of it. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        login.logout(request.refreshToken()).ifPresent(this::end);
    }

    private void end(RefreshTokens.Family session) {
        // Nobody is signed in: the token's owner ends their own session, as a registration acts on its own behalf.
        credentialLock.sendAndWait(
                session.userId(),
                GenericCommandMessage.asCommandMessage(new EndSessionCommand(session.userId(), session.sessionId()))
                        .andMetaData(MetaData.with(
                                MessageMetadata.ACTOR, session.userId().toString())));
    }

    /** Needs the caller's access token; every token of theirs, this one included, stops working. */
    @PostMapping({"/sign-out-everywhere", "/logout-all"})
    ResponseEntity<Void> signOutEverywhere() {
        UUID me = CurrentUser.id();
        credentialLock.sendAndWait(me, new SignOutEverywhereCommand(me));
        return commands.noContent(me);
    }

    private static String normalized(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    record RegisterRequest(
            @NotBlank @Size(min = 3, max = 32) String username,
            @EmailAddress String email,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 64) String displayName) {}

    record LoginRequest(
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            String username,

            @NotBlank @Size(max = 128) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

    record Registered(UUID userId) {}
}
