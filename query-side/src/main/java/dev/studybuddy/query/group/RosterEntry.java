package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.JoinRoute;
import java.time.Instant;
import java.util.UUID;

/** A member of a group; names are null while the users projection has not seen the account. */
public record RosterEntry(
        UUID userId, String username, String displayName, GroupRole role, JoinRoute route, Instant joinedAt) {}
