package dev.studybuddy.query.user;

import java.util.Objects;
import java.util.UUID;

/**
 * Active users whose user name or display name starts with {@code prefix} (case-insensitively), in
 * user name order, the first {@code limit} after {@code afterUsername} ("" for the first page), as
 * {@code viewerId} may find them: without the users they blocked or who blocked them.
 * (Answered inside query-side only; it moves to shared-api when another service asks it.)
 */
public record SearchUsersQuery(UUID viewerId, String prefix, String afterUsername, int limit) {

    public SearchUsersQuery {
        Objects.requireNonNull(viewerId, "viewerId");
        prefix = Objects.requireNonNullElse(prefix, "").strip();
        afterUsername = Objects.requireNonNullElse(afterUsername, "");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** The prefix as a LIKE pattern, with its own {@code %} and {@code _} matched literally. */
    String likePattern() {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
