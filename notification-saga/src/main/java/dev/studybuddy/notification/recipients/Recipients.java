package dev.studybuddy.notification.recipients;

import dev.studybuddy.api.membership.NotificationLevel;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers from the recipients projection and the contacts table: who to tell, and how to name people. */
@Component
public class Recipients {

    private final JdbcTemplate jdbc;

    Recipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The group's OWNER and ADMINs, who decide its join requests. */
    public List<UUID> moderatorsOf(UUID groupId) {
        return jdbc.queryForList("""
                SELECT user_id FROM group_roster WHERE group_id = ? AND role IN ('OWNER', 'ADMIN')
                ORDER BY user_id""", UUID.class, groupId);
    }

    /**
     * The group's members who have not muted it: everyone on the roster whose notification level is not NONE
     * (no level read yet counts as ALL).
     */
    public List<UUID> unmutedMembersOf(UUID groupId) {
        return jdbc.queryForList("""
                SELECT r.user_id FROM group_roster r
                LEFT JOIN member_levels l ON l.group_id = r.group_id AND l.user_id = r.user_id
                WHERE r.group_id = ? AND COALESCE(l.level, 'ALL') <> 'NONE'
                ORDER BY r.user_id""", UUID.class, groupId);
    }

    /** The member's notification level in the group; empty when they are not on its roster. */
    public Optional<NotificationLevel> levelOf(UUID groupId, UUID userId) {
        return jdbc.query(
                """
                        SELECT COALESCE(l.level, 'ALL') FROM group_roster r
                        LEFT JOIN member_levels l ON l.group_id = r.group_id AND l.user_id = r.user_id
                        WHERE r.group_id = ? AND r.user_id = ?""",
                rs -> rs.next() ? Optional.of(NotificationLevel.valueOf(rs.getString(1))) : Optional.empty(),
                groupId,
                userId);
    }

    /** Whether either of the two blocks the other: then neither hears of the other's mentions and invitations. */
    public boolean eitherBlocks(UUID one, UUID other) {
        return Boolean.TRUE.equals(jdbc.query(
                "SELECT 1 FROM recipient_blocks WHERE (blocker_id = ? AND blocked_id = ?)"
                        + " OR (blocker_id = ? AND blocked_id = ?) LIMIT 1",
                ResultSet::next,
                one,
                other,
                other,
                one));
    }

    /** Who sent the invitation of this invitee to this group, if the projection saw it. */
    public Optional<UUID> inviterOf(UUID groupId, UUID inviteeId) {
        return jdbc.query(
                "SELECT invited_by FROM group_invitations WHERE group_id = ? AND invitee_id = ?",
                rs -> rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty(),
                groupId,
                inviteeId);
    }

    public Optional<String> displayName(UUID userId) {
        return jdbc.query(
                "SELECT COALESCE(display_name, username) FROM recipient_users WHERE user_id = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty(),
                userId);
    }

    public Optional<String> groupName(UUID groupId) {
        return jdbc.query(
                "SELECT name FROM recipient_groups WHERE group_id = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty(),
                groupId);
    }

    /**
     * The verified e-mail address on file, kept by the identity integration (package contacts); empty once forgotten,
     * and while the owner has not verified it (no notification is mailed to an address nobody proved is theirs).
     */
    public Optional<String> emailOf(UUID userId) {
        return jdbc.query(
                "SELECT email FROM notification_contacts WHERE user_id = ? AND verified",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty(),
                userId);
    }
}
