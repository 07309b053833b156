package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupUnarchivedEvent;
import dev.studybuddy.api.group.InvitationAcceptedEvent;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.JoinRequestApprovedEvent;
import dev.studybuddy.api.group.JoinRequestRejectedEvent;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import dev.studybuddy.query.consistency.ProjectionPositions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Groups, rosters with roles, bans, join requests and invitations, from the Group events; the same processing
 * group keeps the study sessions ({@link StudySessionsProjection}), and this class's reset empties all of it. The
 * group's chat events are not taken in: a read that waits for one waits for the roster event before it instead
 * ({@code ConsistencyWait}). Every event
 * ends by touching its group's row (member count, last change), which it requires to exist: an event of
 * a group whose creation the projection never saw is refused, and parked as a dead letter with the rest
 * of that group's stream, instead of inventing a group. Applied once per event by ApplyOnce, with the
 * events' times, so a replay rebuilds identical rows.
 */
@Component
@ProcessingGroup(GroupsProjection.PROCESSING_GROUP)
class GroupsProjection {

    static final String PROCESSING_GROUP = "groups";

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;

    GroupsProjection(JdbcTemplate jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(GroupCreatedEvent event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO groups (group_id, name, description, visibility, join_policy, capacity, archived, owner_id,
                                    member_count, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, false, ?, 0, ?, ?)""",
                event.groupId(),
                event.name(),
                event.description(),
                event.visibility().name(),
                event.joinPolicy().name(),
                event.capacity(),
                event.ownerId(),
                utc(at),
                utc(at));
    }

    @EventHandler
    void on(GroupDetailsChangedEvent event, @Timestamp Instant at) {
        jdbc.update(
                """
                UPDATE groups SET name = ?, description = ?, visibility = ?, join_policy = ?, capacity = ?
                WHERE group_id = ?""",
                event.name(),
                event.description(),
                event.visibility().name(),
                event.joinPolicy().name(),
                event.capacity(),
                event.groupId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(GroupArchivedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE groups SET archived = true WHERE group_id = ?", event.groupId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(GroupUnarchivedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE groups SET archived = false WHERE group_id = ?", event.groupId());
        touch(event.groupId(), at);
    }

    /** Follows creation (the owner), an OPEN join, an approved request or an accepted invitation. */
    @EventHandler
    void on(MemberJoinedEvent event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO group_members (group_id, user_id, role, route, joined_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (group_id, user_id) DO UPDATE
                SET role = excluded.role, route = excluded.route, joined_at = excluded.joined_at""",
                event.groupId(),
                event.userId(),
                event.role().name(),
                event.route().name(),
                utc(at));
        dropJoinRequest(event.groupId(), event.userId());
        dropInvitation(event.groupId(), event.userId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(MemberLeftEvent event, @Timestamp Instant at) {
        dropMember(event.groupId(), event.userId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(MemberRemovedEvent event, @Timestamp Instant at) {
        dropMember(event.groupId(), event.userId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(MemberRoleChangedEvent event, @Timestamp Instant at) {
        setRole(event.groupId(), event.userId(), event.role());
        touch(event.groupId(), at);
    }

    /** The previous owner stays, as an ADMIN. */
    @EventHandler
    void on(OwnershipTransferredEvent event, @Timestamp Instant at) {
        setRole(event.groupId(), event.previousOwnerId(), GroupRole.ADMIN);
        setRole(event.groupId(), event.newOwnerId(), GroupRole.OWNER);
        jdbc.update("UPDATE groups SET owner_id = ? WHERE group_id = ?", event.newOwnerId(), event.groupId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(JoinRequestedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO group_join_requests (group_id, user_id, requested_at) VALUES (?, ?, ?)
                ON CONFLICT (group_id, user_id) DO UPDATE SET requested_at = excluded.requested_at""", event.groupId(), event.userId(), utc(at));
        touch(event.groupId(), at);
    }

    /** The seat follows as a MemberJoinedEvent. */
    @EventHandler
    void on(JoinRequestApprovedEvent event, @Timestamp Instant at) {
        dropJoinRequest(event.groupId(), event.userId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(JoinRequestRejectedEvent event, @Timestamp Instant at) {
        dropJoinRequest(event.groupId(), event.userId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(InvitationSentEvent event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO group_invitations (group_id, user_id, invited_by, invited_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_id, user_id) DO UPDATE
                SET invited_by = excluded.invited_by, invited_at = excluded.invited_at""", event.groupId(), event.inviteeId(), event.invitedBy(), utc(at));
        touch(event.groupId(), at);
    }

    /** The seat follows as a MemberJoinedEvent. */
    @EventHandler
    void on(InvitationAcceptedEvent event, @Timestamp Instant at) {
        dropInvitation(event.groupId(), event.inviteeId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(InvitationDeclinedEvent event, @Timestamp Instant at) {
        dropInvitation(event.groupId(), event.inviteeId());
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(InvitationExpiredEvent event, @Timestamp Instant at) {
        dropInvitation(event.groupId(), event.inviteeId());
        touch(event.groupId(), at);
    }

    /** Removes the user if a member ({@code wasMember}); their request or invitation is void either way. */
    @EventHandler
    void on(UserBannedFromGroupEvent event, @Timestamp Instant at) {
        dropMember(event.groupId(), event.userId());
        dropJoinRequest(event.groupId(), event.userId());
        dropInvitation(event.groupId(), event.userId());
        jdbc.update("""
                INSERT INTO group_bans (group_id, user_id, banned_by, banned_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_id, user_id) DO UPDATE SET banned_by = excluded.banned_by, banned_at = excluded.banned_at""", event.groupId(), event.userId(), event.bannedBy(), utc(at));
        touch(event.groupId(), at);
    }

    @EventHandler
    void on(UserUnbannedFromGroupEvent event, @Timestamp Instant at) {
        jdbc.update("DELETE FROM group_bans WHERE group_id = ? AND user_id = ?", event.groupId(), event.userId());
        touch(event.groupId(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM groups");
        positions.forget(PROCESSING_GROUP);
    }

    private void touch(UUID groupId, Instant at) {
        touch(jdbc, groupId, at);
    }

    /**
     * Recounts the roster and stamps the change; refuses a group the projection does not know. Every handler of
     * the {@code groups} processing group ends with it ({@link StudySessionsProjection} too).
     */
    static void touch(JdbcTemplate jdbc, UUID groupId, Instant at) {
        int touched = jdbc.update("""
                UPDATE groups SET member_count = (SELECT count(*) FROM group_members WHERE group_id = ?), updated_at = ?
                WHERE group_id = ?""", groupId, utc(at), groupId);
        if (touched == 0) {
            throw new UnknownGroupException(groupId);
        }
    }

    private void setRole(UUID groupId, UUID userId, GroupRole role) {
        jdbc.update(
                "UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ?", role.name(), groupId, userId);
    }

    private void dropMember(UUID groupId, UUID userId) {
        jdbc.update("DELETE FROM group_members WHERE group_id = ? AND user_id = ?", groupId, userId);
    }

    private void dropJoinRequest(UUID groupId, UUID userId) {
        jdbc.update("DELETE FROM group_join_requests WHERE group_id = ? AND user_id = ?", groupId, userId);
    }

    private void dropInvitation(UUID groupId, UUID userId) {
        jdbc.update("DELETE FROM group_invitations WHERE group_id = ? AND user_id = ?", groupId, userId);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
