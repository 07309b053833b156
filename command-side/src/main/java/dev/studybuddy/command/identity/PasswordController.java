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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user changes their password ({@link PasswordChange}) and goes on with the token pair of a new
 * session; their other sessions end. {@code PUT} is the older spelling of the same request.
 */
@RestController
class PasswordController {

    private final PasswordChange passwordChange;
    private final Commands commands;

    PasswordController(PasswordChange passwordChange, Commands commands) {
        this.passwordChange = passwordChange;
        this.commands = commands;
    }

    @RequestMapping(
            path = "/api/users/me/password",
            method = {RequestMethod.POST, RequestMethod.PUT})
    ResponseEntity<TokenPair> change(@Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
        UUID me = CurrentUser.id();
        TokenPair tokens = passwordChange.change(
                me, SignInSession.Client.of(http), request.currentPassword(), request.newPassword());
        return commands.respond(HttpStatus.OK, me, tokens);
    }

    record ChangePasswordRequest(
            @NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(min = 8, max = 128) String newPassword) {}
}
