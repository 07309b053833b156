package dev.studybuddy.query.user;

import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.query.web.PrefixPattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads the users read model that {@link UsersProjection} keeps. It answers what is there; who may see what is
 * the caller's decision ({@link UsersController}, the account export).
 */
@Component
public class UserProfiles {

    private final UserViewRepository users;

    UserProfiles(UserViewRepository users) {
        this.users = users;
    }

    /** Whether {@code blockerId} blocks {@code blockedId}. */
    public boolean blocks(UUID blockerId, UUID blockedId) {
        return users.blocks(blockerId, blockedId);
    }

    /** Whether the account ever existed (an erased one's row stays). */
    public boolean exists(UUID userId) {
        return users.existsById(userId);
    }

    /** Any account, active or not. */
    public Optional<UserProfile> find(UUID userId) {
        return users.findById(userId).map(UserView::toProfile);
    }

    /**
     * Active users whose user name or display name starts with {@code prefix} (case-insensitively), in user name
     * order, the first {@code limit} after {@code afterUsername} ("" for the first page), as {@code viewerId} may
     * find them: without the users they blocked or who blocked them.
     */
    List<UserProfile> search(UUID viewerId, String prefix, String afterUsername, int limit) {
        Objects.requireNonNull(viewerId, "viewerId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return users
                .searchActive(viewerId, PrefixPattern.of(prefix), Objects.requireNonNullElse(afterUsername, ""), limit)
                .stream()
                .map(UserView::toProfile)
                .toList();
    }
}
