package dev.studybuddy.command.identity;

import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The signed-in user changes their password ({@link PasswordChange}). */
@RestController
class PasswordController {

    private final PasswordChange passwordChange;
    private final Commands commands;

    PasswordController(PasswordChange passwordChange, Commands commands) {
        this.passwordChange = passwordChange;
        this.commands = commands;
    }

    @PutMapping("/api/users/me/password")
    ResponseEntity<Void> change(@Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
        UUID me = CurrentUser.id();
        passwordChange.change(me, http.getRemoteAddr(), request.currentPassword(), request.newPassword());
        return commands.noContent(me);
    }

    record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
                                 @NotBlank @Size(min = 8, max = 128) String newPassword) {
    }
}
