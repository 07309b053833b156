package dev.studybuddy.api.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user's profile as the read side shows it; {@code emailVerified} only to the user and platform staff. An erased
 * user ({@code erased}) keeps only the id, roles, status and dates: no name, display name, bio or avatar.
 */
public record UserProfile(
        UUID userId,
        String username,
        String displayName,
        String bio,
        UUID avatarFileId,
        Set<PlatformRole> roles,
        boolean active,
        Instant registeredAt,
        boolean emailVerified,
        boolean erased) {}
