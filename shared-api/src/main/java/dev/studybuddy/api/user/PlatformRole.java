package dev.studybuddy.api.user;

/** Platform-wide roles, carried in the access token's {@code roles} claim. */
public enum PlatformRole {
    USER,
    MODERATOR,
    ADMIN,
    AUDITOR
}
