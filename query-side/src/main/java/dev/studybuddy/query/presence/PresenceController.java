package dev.studybuddy.query.presence;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.query.user.PrivacySettings;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Presence (docs/api.md "Presence"): {@code GET /api/presence?userIds=a,b} answers for the caller, their friends
 * and their fellow group members, and simply leaves anyone else out (as it leaves out unknown ids, so it tells
 * nobody who exists); a user who hides their presence reads {@code offline} without {@code lastSeenAt} to everyone
 * but themselves. {@code PUT /api/users/me/presence {visible}} hides or shows the caller's.
 */
@RestController
class PresenceController {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final PresenceBoard board;
    private final PresenceAudience audience;
    private final PrivacySettings privacy;
    private final SessionActivity activity;
    private final PresenceProperties properties;

    PresenceController(
            PresenceBoard board,
            PresenceAudience audience,
            PrivacySettings privacy,
            SessionActivity activity,
            PresenceProperties properties) {
        this.board = board;
        this.audience = audience;
        this.privacy = privacy;
        this.activity = activity;
        this.properties = properties;
    }

    @GetMapping("/api/presence")
    @Operation(
            summary = "Online status of the caller, their friends and fellow group members among userIds",
            description = "Items {userId, status: online|away|offline, lastSeenAt}, in the order asked; anyone else, "
                    + "and an unknown id, is left out. A user who hides their presence reads offline with lastSeenAt "
                    + "null to everyone but themselves. At most 100 ids (400 VALIDATION_FAILED); an id that is not a "
                    + "UUID, or an empty one, 400 MALFORMED_REQUEST.")
    Presences presence(@RequestParam String userIds) {
        UUID me = CurrentUser.id();
        Set<UUID> asked = parse(userIds);
        Set<UUID> visible = audience.visibleTo(me, asked);
        List<UUID> shown = asked.stream().filter(visible::contains).toList();
        Set<UUID> hiding = privacy.hidingPresence(shown);
        return new Presences(board.read(shown).stream()
                .map(presence ->
                        hiding.contains(presence.userId()) && !presence.userId().equals(me)
                                ? UserPresence.hidden(presence.userId())
                                : presence)
                .toList());
    }

    @PutMapping("/api/users/me/presence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Hide or show the caller's presence: {visible: true|false}",
            description = "204. Hidden, the caller reads offline to others and their friends are told so at once; "
                    + "shown again, they are told the truth. A missing or non-boolean visible 400.")
    void visibility(@Valid @RequestBody PresenceVisibility request) {
        UUID me = CurrentUser.id();
        if (privacy.showPresence(me, request.visible())) {
            activity.reannounce(me);
        }
    }

    /** Distinct ids in the order asked. */
    private Set<UUID> parse(String userIds) {
        String[] parts = userIds.split(",", -1);
        if (parts.length > properties.maxUserIds()) {
            throw new DomainException(
                    ErrorCode.VALIDATION_FAILED, "Ask about at most " + properties.maxUserIds() + " users at once.");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String part : parts) {
            String id = part.strip();
            if (!UUID_TEXT.matcher(id).matches()) {
                throw new DomainException(
                        ErrorCode.MALFORMED_REQUEST, "userIds is a comma-separated list of user ids.");
            }
            ids.add(UUID.fromString(id));
        }
        return ids;
    }

    record PresenceVisibility(@NotNull Boolean visible) {}

    record Presences(List<UserPresence> items) {}
}
