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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** E-mail verification (docs/api.md, Identity): the link's token, and asking for another link. */
@RestController
@RequestMapping("/api/auth/verify-email")
class EmailVerificationController {

    private final EmailVerification verification;
    private final AuthRateLimiter rateLimiter;
    private final Commands commands;

    EmailVerificationController(EmailVerification verification, AuthRateLimiter rateLimiter, Commands commands) {
        this.verification = verification;
        this.rateLimiter = rateLimiter;
        this.commands = commands;
    }

    /** Needs no access token: the link may be opened anywhere. */
    @PostMapping
    ResponseEntity<Void> verify(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        rateLimiter.checkAddress(AuthRateLimiter.Action.VERIFY_EMAIL, http.getRemoteAddr());
        UUID userId = verification.verify(request.token());
        return commands.noContent(userId);
    }

    /** The signed-in user's own address only. */
    @PostMapping("/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend() {
        UUID me = CurrentUser.id();
        rateLimiter.checkVerificationResendOf(me);
        verification.mailLinkAgain(me);
    }

    record TokenRequest(@NotBlank @Size(max = 128) String token) {}
}
