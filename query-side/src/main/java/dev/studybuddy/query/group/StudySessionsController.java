package dev.studybuddy.query.group;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.query.consistency.ReadYourWrites;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's study sessions, for its members and platform moderators: upcoming ones by default, all
 * (cancelled included) with {@code ?all=true}. Others get what the roster gives them: 404 for a group
 * they may not know of, 403 for a public one they are not in, 503 while the group's roster is stalled.
 */
@RestController
@ReadYourWrites(GroupsProjection.PROCESSING_GROUP)
class StudySessionsController {

    private final GroupAccess access;
    private final JdbcTemplate jdbc;

    StudySessionsController(GroupAccess access, JdbcTemplate jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/groups/{groupId}/sessions")
    Map<String, List<SessionView>> sessions(
            @PathVariable UUID groupId, @RequestParam(defaultValue = "false") boolean all) {
        boolean moderator = CurrentUser.isPlatformModerator();
        GroupAccess.Access seen = access.of(groupId, CurrentUser.id());
        if (seen == GroupAccess.Access.HIDDEN && !(moderator && groupExists(groupId))) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such group.");
        }
        if (seen == GroupAccess.Access.OUTSIDER && !moderator) {
            throw new DomainException(ErrorCode.NOT_A_MEMBER, "Only members see the group's sessions.");
        }
        if (seen == GroupAccess.Access.ROSTER_BEHIND && !moderator) {
            throw GroupAccess.rosterBehind();
        }
        List<SessionView> sessions = jdbc.query(
                """
                SELECT session_id, title, starts_at, duration_minutes, scheduled_by, cancelled FROM group_sessions
                WHERE group_id = ? AND (? OR (NOT cancelled AND starts_at + make_interval(mins => duration_minutes) > now()))
                ORDER BY starts_at, session_id""",
                (row, index) -> new SessionView(
                        row.getObject("session_id", UUID.class),
                        row.getString("title"),
                        row.getTimestamp("starts_at").toInstant(),
                        row.getInt("duration_minutes"),
                        row.getObject("scheduled_by", UUID.class),
                        row.getBoolean("cancelled")),
                groupId,
                all);
        return Map.of("items", sessions);
    }

    private boolean groupExists(UUID groupId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM groups WHERE group_id = ?)", Boolean.class, groupId));
    }

    record SessionView(
            UUID sessionId, String title, Instant startsAt, int durationMinutes, UUID scheduledBy, boolean cancelled) {}
}
