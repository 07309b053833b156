package dev.studybuddy.notification.recipients;

import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.api.friendship.UserUnblockedEvent;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.InvitationAcceptedEvent;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.membership.MembershipClosedEvent;
import dev.studybuddy.api.membership.MembershipOpenedEvent;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.api.membership.NotificationLevelChangedEvent;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may be told what: users' display names, every group's roster with roles, each member's notification
 * level, pending invitations with their inviter, and who blocks whom, in this service's own schema. The group notifiers share this processing group, so a join request is always addressed with the
 * roster as it stood right before it (events of one group are handled in order, in one transaction).
 */
@Component
@ProcessingGroup(RecipientsProjection.PROCESSING_GROUP)
public class RecipientsProjection {

    public static final String PROCESSING_GROUP = "recipients";
    private static final Duration EXPIRED_INVITATIONS_KEPT = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    RecipientsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegisteredEvent event) {
        jdbc.update("""
                INSERT INTO recipient_users (user_id, username, display_name) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name""", event.userId(), event.username(), event.displayName());
    }

    @EventHandler
    void on(ProfileChangedEvent event) {
        if (event.displayName() != null) {
            jdbc.update("""
                    INSERT INTO recipient_users (user_id, display_name) VALUES (?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name""", event.userId(), event.displayName());
        }
    }

    @EventHandler
    void on(GroupCreatedEvent event) {
        upsertGroup(event.groupId(), event.name());
    }

    @EventHandler
    void on(GroupDetailsChangedEvent event) {
        upsertGroup(event.groupId(), event.name());
    }

    @EventHandler
    void on(MemberJoinedEvent event) {
        seat(event.groupId(), event.userId(), event.role());
    }

    @EventHandler
    void on(MemberRoleChangedEvent event) {
        seat(event.groupId(), event.userId(), event.role());
    }

    @EventHandler
    void on(OwnershipTransferredEvent event) {
        seat(event.groupId(), event.newOwnerId(), GroupRole.OWNER);
        seat(event.groupId(), event.previousOwnerId(), GroupRole.ADMIN);
    }

    @EventHandler
    void on(MemberLeftEvent event) {
        unseat(event.groupId(), event.userId());
    }

    @EventHandler
    void on(MemberRemovedEvent event) {
        unseat(event.groupId(), event.userId());
    }

    @EventHandler
    void on(UserBannedFromGroupEvent event) {
        unseat(event.groupId(), event.userId());
    }

    /** A (re)opened seat starts at ALL, unless its level was already read (streams are read in parallel). */
    @EventHandler
    void on(MembershipOpenedEvent event) {
        jdbc.update("""
                INSERT INTO member_levels (group_id, user_id, level) VALUES (?, ?, ?)
                ON CONFLICT (group_id, user_id) DO NOTHING""", event.groupId(), event.userId(), NotificationLevel.ALL.name());
    }

    @EventHandler
    void on(NotificationLevelChangedEvent event) {
        jdbc.update("""
                INSERT INTO member_levels (group_id, user_id, level) VALUES (?, ?, ?)
                ON CONFLICT (group_id, user_id) DO UPDATE SET level = excluded.level""", event.groupId(), event.userId(), event.level().name());
    }

    @EventHandler
    void on(MembershipClosedEvent event) {
        jdbc.update("DELETE FROM member_levels WHERE group_id = ? AND user_id = ?", event.groupId(), event.userId());
    }

    @EventHandler
    void on(InvitationSentEvent event) {
        jdbc.update("""
                INSERT INTO group_invitations (group_id, invitee_id, invited_by) VALUES (?, ?, ?)
                ON CONFLICT (group_id, invitee_id) DO UPDATE SET invited_by = excluded.invited_by, expired_at = NULL""", event.groupId(), event.inviteeId(), event.invitedBy());
    }

    @EventHandler
    void on(InvitationAcceptedEvent event) {
        forgetInvitation(event.groupId(), event.inviteeId());
    }

    @EventHandler
    void on(InvitationDeclinedEvent event) {
        forgetInvitation(event.groupId(), event.inviteeId());
    }

    /**
     * Marks the invitation expired rather than forgetting it (the group notifier reads its inviter while
     * handling this same event), and forgets those that expired more than a day before this one, passing over a row
     * another transaction holds: this walk across every group follows no other write's order, so waiting could close
     * a deadlock (with a re-invitation on another segment, say); a later expiry forgets it.
     */
    @EventHandler
    void on(InvitationExpiredEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE group_invitations SET expired_at = ? WHERE group_id = ? AND invitee_id = ?",
                at.atOffset(ZoneOffset.UTC),
                event.groupId(),
                event.inviteeId());
        jdbc.update("""
                DELETE FROM group_invitations WHERE (group_id, invitee_id) IN (
                  SELECT group_id, invitee_id FROM group_invitations WHERE expired_at < ? FOR UPDATE SKIP LOCKED)""", at.minus(EXPIRED_INVITATIONS_KEPT).atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(UserBlockedEvent event) {
        jdbc.update(
                "INSERT INTO recipient_blocks (blocker_id, blocked_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.blockerId(),
                event.blockedId());
    }

    @EventHandler
    void on(UserUnblockedEvent event) {
        jdbc.update(
                "DELETE FROM recipient_blocks WHERE blocker_id = ? AND blocked_id = ?",
                event.blockerId(),
                event.blockedId());
    }

    /** Contacts are not derived from events, so a replay keeps them. */
    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM recipient_blocks");
        jdbc.update("DELETE FROM member_levels");
        jdbc.update("DELETE FROM group_invitations");
        jdbc.update("DELETE FROM group_roster");
        jdbc.update("DELETE FROM recipient_groups");
        jdbc.update("DELETE FROM recipient_users");
    }

    private void upsertGroup(UUID groupId, String name) {
        jdbc.update("""
                INSERT INTO recipient_groups (group_id, name) VALUES (?, ?)
                ON CONFLICT (group_id) DO UPDATE SET name = excluded.name""", groupId, name);
    }

    private void seat(UUID groupId, UUID userId, GroupRole role) {
        jdbc.update("""
                INSERT INTO group_roster (group_id, user_id, role) VALUES (?, ?, ?)
                ON CONFLICT (group_id, user_id) DO UPDATE SET role = excluded.role""", groupId, userId, role.name());
    }

    private void forgetInvitation(UUID groupId, UUID inviteeId) {
        jdbc.update("DELETE FROM group_invitations WHERE group_id = ? AND invitee_id = ?", groupId, inviteeId);
    }

    private void unseat(UUID groupId, UUID userId) {
        jdbc.update("DELETE FROM group_roster WHERE group_id = ? AND user_id = ?", groupId, userId);
    }
}
