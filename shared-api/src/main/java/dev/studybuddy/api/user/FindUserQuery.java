package dev.studybuddy.api.user;

import java.util.UUID;

/** Fetches one public profile. */
public record FindUserQuery(UUID userId) {}
