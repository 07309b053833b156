package dev.studybuddy.query.user;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each user chose to show of themselves ({@code readmodel.privacy_settings}): whether others see their
 * presence, and whether read receipts go both ways. Query-side's own state, written by the user's request,
 * never by a projection; a user who never chose has presence visible and receipts on.
 */
@Component
public class PrivacySettings {

    private final JdbcTemplate jdbc;

    PrivacySettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean presenceVisible(UUID userId) {
        return hidingPresence(List.of(userId)).isEmpty();
    }

    /** Those of {@code userIds} who hide their presence. */
    public Set<UUID> hidingPresence(Collection<UUID> userIds) {
        return those("presence_visible", userIds);
    }

    public boolean receiptsEnabled(UUID userId) {
        return withoutReceipts(List.of(userId)).isEmpty();
    }

    /** Those of {@code userIds} who turned read receipts off. */
    public Set<UUID> withoutReceipts(Collection<UUID> userIds) {
        return those("receipts_enabled", userIds);
    }

    /** @return whether this changed the setting */
    public boolean showPresence(UUID userId, boolean visible) {
        return write("presence_visible", userId, visible);
    }

    /** @return whether this changed the setting */
    public boolean shareReceipts(UUID userId, boolean enabled) {
        return write("receipts_enabled", userId, enabled);
    }

    private Set<UUID> those(String switchedOff, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(userIds.size(), "?"));
        return new HashSet<>(jdbc.queryForList(
                "SELECT user_id FROM privacy_settings WHERE NOT " + switchedOff + " AND user_id IN (" + placeholders
                        + ")",
                UUID.class,
                userIds.toArray()));
    }

    private boolean write(String column, UUID userId, boolean value) {
        boolean before = !those(column, List.of(userId)).contains(userId);
        jdbc.update(
                "INSERT INTO privacy_settings (user_id, " + column + ", updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET " + column + " = excluded." + column
                        + ", updated_at = excluded.updated_at",
                userId,
                value,
                OffsetDateTime.now(ZoneOffset.UTC));
        return before != value;
    }
}
