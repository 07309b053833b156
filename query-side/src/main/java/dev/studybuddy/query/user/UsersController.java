package dev.studybuddy.query.user;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.platform.web.Cursors;
import dev.studybuddy.query.consistency.ReadYourWrites;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profiles (API.md "Identity and profiles"). Who sees what:
 * <ul>
 *   <li>{@code /me}: the caller's own profile, with roles and status.</li>
 *   <li>{@code /{userId}}: the public profile (no roles, no status); a deactivated account is not found, and
 *   neither is an account to someone it blocks (the blocker still sees whom they blocked). The user themselves and
 *   platform staff (ADMIN, MODERATOR, AUDITOR), who need it to moderate
 *   and audit, get the full profile, deactivated accounts included.</li>
 *   <li>search: public profiles of active users, for everyone, without the users the caller blocked or
 *   who blocked the caller.</li>
 * </ul>
 */
@RestController
@ReadYourWrites(UsersProjection.PROCESSING_GROUP)
class UsersController {

    private static final List<PlatformRole> STAFF =
            List.of(PlatformRole.ADMIN, PlatformRole.MODERATOR, PlatformRole.AUDITOR);
    private static final int MAX_SEARCH_LENGTH = 64;

    private final UserProfiles profiles;

    UsersController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/users/me")
    UserProfile me() {
        return profiles.find(CurrentUser.id()).orElseThrow(UsersController::notFound);
    }

    @GetMapping("/api/users/{userId}")
    Object user(@PathVariable UUID userId) {
        Optional<UserProfile> profile = profiles.find(userId);
        if (userId.equals(CurrentUser.id()) || isStaff()) {
            return profile.orElseThrow(UsersController::notFound);
        }
        return profile.filter(UserProfile::active)
                .filter(found -> !profiles.blocks(userId, CurrentUser.id()))
                .map(PublicProfile::of)
                .orElseThrow(UsersController::notFound);
    }

    @GetMapping("/api/users")
    CursorPage<PublicProfile> search(
            @RequestParam(defaultValue = "") @Size(max = MAX_SEARCH_LENGTH) String search,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        String after = Cursors.given(cursor) ? Cursors.decode(cursor) : "";
        List<UserProfile> fetched = profiles.search(CurrentUser.id(), search, after, limit + 1);
        return CursorPage.of(fetched, limit, UserProfile::username).map(PublicProfile::of);
    }

    private static boolean isStaff() {
        return STAFF.stream().anyMatch(role -> CurrentUser.hasRole(role.name()));
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND, "No such user.");
    }
}
