package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;

/**
 * Who acts on a group, and whether they hold a platform role (MODERATOR or ADMIN) that lets them
 * moderate any group. Acts done only by that right are recorded as moderation.
 */
public record Actor(UUID userId, boolean platformModerator) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
    }

    public static Actor member(UUID userId) {
        return new Actor(userId, false);
    }
}
