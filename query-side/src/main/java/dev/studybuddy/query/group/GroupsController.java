package dev.studybuddy.query.group;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupRules;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.web.SortKey;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Groups, rosters, join requests and invitations (API.md, Groups). Who sees what:
 * <ul>
 *   <li>a PUBLIC group's details and roster: everyone signed in; a PRIVATE group's: its members and
 *   platform MODERATOR/ADMIN only, everyone else is told it does not exist (404, as for an unknown id);</li>
 *   <li>join requests: the group's OWNER and ADMINs and platform MODERATOR/ADMIN (403 for anyone else
 *   who may see the group);</li>
 *   <li>lists and invitations: always the caller's own.</li>
 * </ul>
 * What the roster alone grants (a PRIVATE group to its members, join requests to its OWNER and ADMINs) is
 * refused with 503 {@code ROSTER_BEHIND} while the group's roster is stalled ({@link StalledRosters}).
 */
@RestController
@ReadYourWrites(GroupsProjection.PROCESSING_GROUP)
class GroupsController {

    private final GroupDirectory directory;
    private final GroupAccess access;

    GroupsController(GroupDirectory directory, GroupAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/api/groups")
    CursorPage<GroupView> groups(
            @RequestParam(defaultValue = "mine") String scope,
            @RequestParam(defaultValue = "") @Size(max = GroupRules.MAX_NAME) String search,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        List<GroupView> fetched =
                directory.list(CurrentUser.id(), GroupScope.parse(scope), search, SortKey.after(cursor), limit + 1);
        return CursorPage.of(fetched, limit, group -> new SortKey(group.name(), group.groupId()).encode());
    }

    @GetMapping("/api/groups/{groupId}")
    GroupView group(@PathVariable UUID groupId) {
        return visibleGroup(groupId);
    }

    @GetMapping("/api/groups/{groupId}/members")
    CursorPage<RosterEntry> members(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        visibleGroup(groupId);
        List<RosterEntry> fetched = directory.roster(groupId, SortKey.after(cursor), limit + 1);
        return CursorPage.of(fetched, limit, member -> sortKey(member.username(), member.userId()));
    }

    @GetMapping("/api/groups/{groupId}/join-requests")
    CursorPage<PendingJoinRequest> joinRequests(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        GroupView group = visibleGroup(groupId);
        if (!CurrentUser.isPlatformModerator()) {
            if (access.of(group) == GroupAccess.Access.ROSTER_BEHIND) {
                throw GroupAccess.rosterBehind();
            }
            if (group.myRole() != GroupRole.OWNER && group.myRole() != GroupRole.ADMIN) {
                throw new DomainException(ErrorCode.FORBIDDEN, "Only the owner and admins see join requests.");
            }
        }
        List<PendingJoinRequest> fetched = directory.joinRequests(groupId, SortKey.after(cursor), limit + 1);
        return CursorPage.of(fetched, limit, request -> sortKey(request.username(), request.userId()));
    }

    @GetMapping("/api/invitations")
    CursorPage<PendingInvitation> invitations(
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        List<PendingInvitation> fetched = directory.invitationsOf(CurrentUser.id(), SortKey.after(cursor), limit + 1);
        return CursorPage.of(
                fetched, limit, invitation -> new SortKey(invitation.groupName(), invitation.groupId()).encode());
    }

    /**
     * The group, if the caller may see it ({@link GroupAccess}); a private group they may not see is as unknown as a
     * missing one. A PUBLIC group's details do not depend on its roster, so a stalled roster refuses only a PRIVATE
     * group's; a platform moderator's role grants them any group.
     */
    private GroupView visibleGroup(UUID groupId) {
        GroupView group = directory
                .find(groupId, CurrentUser.id())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such group."));
        if (CurrentUser.isPlatformModerator()) {
            return group;
        }
        switch (access.of(group)) {
            case HIDDEN -> throw new DomainException(ErrorCode.NOT_FOUND, "No such group.");
            case ROSTER_BEHIND -> {
                if (group.visibility() != GroupVisibility.PUBLIC) {
                    throw GroupAccess.rosterBehind();
                }
            }
            case MEMBER, OUTSIDER -> {}
        }
        return group;
    }

    private static String sortKey(String username, UUID userId) {
        return new SortKey(username == null ? "" : username, userId).encode();
    }
}
