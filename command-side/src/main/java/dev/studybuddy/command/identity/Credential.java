package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.PlatformRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** How a user signs in. The roles and active flag mirror the UserAccount events (see IdentityProjection). */
@Entity
@Table(name = "credentials")
class Credential {

    /** No encoded password looks like it, so none matches. */
    static final String ERASED_PASSWORD = "!erased";

    @Id
    @Column(name = "user_id")
    private UUID userId;

    private String username;
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private String roles;
    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    protected Credential() {}

    Credential(
            UUID userId,
            String username,
            String email,
            String passwordHash,
            Set<PlatformRole> roles,
            Instant createdAt) {
        this.userId = userId;
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt;
        setRoles(roles);
    }

    UUID userId() {
        return userId;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    void emailVerified(Instant at) {
        emailVerifiedAt = at;
    }

    /** A new address is not verified, whoever verified the old one. */
    void changeEmail(String newEmail) {
        email = newEmail;
        emailVerifiedAt = null;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean active() {
        return active;
    }

    Set<PlatformRole> roles() {
        if (roles.isBlank()) {
            return EnumSet.noneOf(PlatformRole.class);
        }
        return Arrays.stream(roles.split(","))
                .map(PlatformRole::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PlatformRole.class)));
    }

    void setRoles(Set<PlatformRole> newRoles) {
        roles = rolesColumn(newRoles);
    }

    /** The {@code roles} column's text for a set of roles. */
    static String rolesColumn(Set<PlatformRole> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    void changePasswordHash(String newHash) {
        passwordHash = newHash;
    }

    /** Whether the person was forgotten ({@link #erase}). */
    boolean erased() {
        return ERASED_PASSWORD.equals(passwordHash);
    }

    /**
     * Forgets the person: the name is free for anyone to register again (the placeholder holds a character no
     * username may), the address is a placeholder of the reserved {@code .invalid} domain, and no password matches
     * (docs/adr/0019).
     */
    void erase() {
        String id = userId.toString().replace("-", "");
        username = "~" + id.substring(0, 31);
        email = userId + "@erased.invalid";
        emailVerifiedAt = null;
        passwordHash = ERASED_PASSWORD;
        active = false;
    }
}
