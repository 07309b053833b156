package dev.studybuddy.api.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user's profile as the read side shows it. */
public record UserProfile(UUID userId,
                          String username,
                          String displayName,
                          String bio,
                          UUID avatarFileId,
                          Set<PlatformRole> roles,
                          boolean active,
                          Instant registeredAt) {
}
