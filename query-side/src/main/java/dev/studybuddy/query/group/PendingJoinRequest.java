package dev.studybuddy.query.group;

import java.time.Instant;
import java.util.UUID;

/** A user waiting for an OWNER or ADMIN to approve their request to join. */
public record PendingJoinRequest(UUID userId, String username, String displayName, Instant requestedAt) {}
