package dev.studybuddy.query.user;

import dev.studybuddy.api.user.UserProfile;
import java.time.Instant;
import java.util.UUID;

/** What any signed-in user may see of another: no roles, no account status. */
public record PublicProfile(
        UUID userId,
        String username,
        String displayName,
        String bio,
        UUID avatarFileId,
        Instant registeredAt,
        boolean erased) {

    static PublicProfile of(UserProfile profile) {
        return new PublicProfile(
                profile.userId(),
                profile.username(),
                profile.displayName(),
                profile.bio(),
                profile.avatarFileId(),
                profile.registeredAt(),
                profile.erased());
    }
}
