package dev.studybuddy.api.user;

import java.util.UUID;

/**
 * A UserAccount event after which the user's earlier access tokens and refresh tokens are no longer
 * accepted: a role change, a deactivation, a password or e-mail change, a sign-out everywhere. The user's
 * security stamp is the sequence number of the latest such event in the account's stream (0 when
 * there is none: the registration), and every access token carries the stamp it was issued at.
 */
public interface ChangesSecurityStamp {

    UUID userId();
}
