package dev.studybuddy.query.group;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.query.consistency.ReadYourWrites;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private final GroupDirectory directory;

    StudySessionsController(GroupAccess access, GroupDirectory directory) {
        this.access = access;
        this.directory = directory;
    }

    @GetMapping("/api/groups/{groupId}/sessions")
    Map<String, List<StudySessionView>> sessions(
            @PathVariable UUID groupId, @RequestParam(defaultValue = "false") boolean all) {
        boolean moderator = CurrentUser.isPlatformModerator();
        GroupAccess.Access seen = access.of(groupId, CurrentUser.id());
        if (seen == GroupAccess.Access.HIDDEN && !(moderator && directory.exists(groupId))) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such group.");
        }
        if (seen == GroupAccess.Access.OUTSIDER && !moderator) {
            throw new DomainException(ErrorCode.NOT_A_MEMBER, "Only members see the group's sessions.");
        }
        if (seen == GroupAccess.Access.ROSTER_BEHIND && !moderator) {
            throw GroupAccess.rosterBehind();
        }
        return Map.of("items", directory.sessions(groupId, all));
    }
}
