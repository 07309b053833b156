package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mailed token presented back: its account's credential, locked for the caller's change, with the token spent.
 * The credential is locked before the token, in the order of everything else that writes both (an e-mail change
 * spends the account's tokens, an erasure deletes them, each after locking the credential): taken the other way round,
 * a verification racing an erasure deadlocked, and one that read the credential unlocked wrote back a password or an
 * address changed in the meantime.
 */
@Component
class TokenRedemption {

    private final CredentialRepository credentials;
    private final AccountTokens tokens;

    TokenRedemption(CredentialRepository credentials, AccountTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    /** The open account's credential, locked; {@code INVALID_TOKEN} (400) for anything else, and nothing spent. */
    @Transactional(propagation = Propagation.MANDATORY)
    Credential redeem(String token, AccountTokens.Purpose purpose) {
        UUID owner = tokens.ownerOf(token, purpose).orElseThrow(TokenRedemption::invalid);
        Credential credential =
                credentials.findForUpdate(owner).filter(Credential::active).orElseThrow(TokenRedemption::invalid);
        // spent (by an e-mail change, say) or deleted (by an erasure) while the credential was waited for
        tokens.spend(token, purpose).filter(owner::equals).orElseThrow(TokenRedemption::invalid);
        return credential;
    }

    private static DomainException invalid() {
        return new DomainException(
                ErrorCode.INVALID_TOKEN,
                "This link is not valid: it was used already, has expired, or is not one we sent.");
    }
}
