package dev.studybuddy.notification.recipients;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    public Optional<String> displayName(UUID userId) {
        return jdbc.query("SELECT COALESCE(display_name, username) FROM recipient_users WHERE user_id = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty(), userId);
    }

    public Optional<String> groupName(UUID groupId) {
        return jdbc.query("SELECT name FROM recipient_groups WHERE group_id = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty(), groupId);
    }

    /** The e-mail address on file, filled by the identity integration (see README). */
    public Optional<String> emailOf(UUID userId) {
        return jdbc.query("SELECT email FROM notification_contacts WHERE user_id = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty(), userId);
    }
}
