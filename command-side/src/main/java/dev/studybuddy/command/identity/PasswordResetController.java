package dev.studybuddy.command.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A forgotten password (docs/api.md, Identity): ask for a link, then set a new password with its token. */
@RestController
@RequestMapping("/api/auth/password-reset")
class PasswordResetController {

    private final PasswordReset passwordReset;
    private final AuthRateLimiter rateLimiter;

    PasswordResetController(PasswordReset passwordReset, AuthRateLimiter rateLimiter) {
        this.passwordReset = passwordReset;
        this.rateLimiter = rateLimiter;
    }

    /** 202 whatever the address: the answer never tells whether an account has it. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        rateLimiter.checkAddress(AuthRateLimiter.Action.PASSWORD_RESET, http.getRemoteAddr());
        passwordReset.mailLinkTo(request.email());
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@Valid @RequestBody ConfirmRequest request, HttpServletRequest http) {
        rateLimiter.checkAddress(AuthRateLimiter.Action.PASSWORD_RESET, http.getRemoteAddr());
        passwordReset.reset(request.token(), request.newPassword());
    }

    record ResetRequest(@EmailAddress String email) {}

    record ConfirmRequest(
            @NotBlank @Size(max = 128) String token,
            @NotBlank @Size(min = 8, max = 128) String newPassword) {}
}
