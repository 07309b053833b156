package dev.studybuddy.command.identity;

import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user changes their e-mail address ({@link EmailChange}) and goes on in a new session. */
@RestController
class EmailChangeController {

    private final EmailChange emailChange;
    private final Commands commands;

    EmailChangeController(EmailChange emailChange, Commands commands) {
        this.emailChange = emailChange;
        this.commands = commands;
    }

    @PostMapping("/api/users/me/email")
    ResponseEntity<TokenPair> change(@Valid @RequestBody ChangeEmailRequest request, HttpServletRequest http) {
        UUID me = CurrentUser.id();
        TokenPair tokens =
                emailChange.change(me, SignInSession.Client.of(http), request.currentPassword(), request.newEmail());
        return commands.respond(HttpStatus.OK, me, tokens);
    }

    record ChangeEmailRequest(
            @NotBlank @Size(max = 128) String currentPassword,
            @EmailAddress String newEmail) {}
}
