package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own e-mail address and whether it is verified: only identity holds it (docs/adr/0004), so
 * this is where the user, and query-side's account export on the user's behalf (docs/adr/0017), read it.
 */
@RestController
class EmailAddressController {

    private final CredentialRepository credentials;

    EmailAddressController(CredentialRepository credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/api/users/me/email")
    EmailAddress address() {
        return credentials
                .findById(CurrentUser.id())
                .filter(credential -> credential.email() != null)
                .map(credential -> new EmailAddress(credential.email(), credential.emailVerified()))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No e-mail address."));
    }

    record EmailAddress(String email, boolean verified) {}
}
