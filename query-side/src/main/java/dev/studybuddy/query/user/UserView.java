package dev.studybuddy.query.user;

import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserProfile;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A row of the users read model, as queries read it ({@link UsersProjection} writes it with SQL). */
@Entity
@Table(name = "users")
class UserView {

    @Id
    private UUID userId;

    private String username;
    private String displayName;
    private String bio;
    private UUID avatarFileId;
    /** Role names, sorted and comma-separated. */
    private String roles;

    private boolean active;
    private Instant registeredAt;
    private Instant updatedAt;
    private boolean emailVerified;
    private boolean erased;

    protected UserView() {}

    UserProfile toProfile() {
        return new UserProfile(
                userId,
                username,
                displayName,
                bio,
                avatarFileId,
                roleSet(),
                active,
                registeredAt,
                emailVerified,
                erased);
    }

    private Set<PlatformRole> roleSet() {
        if (roles.isBlank()) {
            return Set.of();
        }
        EnumSet<PlatformRole> set = EnumSet.noneOf(PlatformRole.class);
        Arrays.stream(roles.split(",")).map(PlatformRole::valueOf).forEach(set::add);
        return Collections.unmodifiableSet(set);
    }

    /** How the roles column holds a set (the projection writes it with plain SQL). */
    static String joined(Set<PlatformRole> roles) {
        return roles == null ? "" : roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
