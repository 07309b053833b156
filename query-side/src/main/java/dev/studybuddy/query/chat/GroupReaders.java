package dev.studybuddy.query.chat;

import dev.studybuddy.query.realtime.Conversations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who has read a group message: of the users whose read position passed it ({@link ChatReadPositions}), the group's
 * current members who share read receipts, with their names from the users read model, in user name order.
 */
@Component
class GroupReaders {

    private final ChatReadPositions readPositions;
    private final JdbcTemplate jdbc;

    GroupReaders(ChatReadPositions readPositions, JdbcTemplate jdbc) {
        this.readPositions = readPositions;
        this.jdbc = jdbc;
    }

    List<Reader> of(UUID groupId, ChatMessageView message) {
        Map<UUID, Long> positions = readPositions.readersFrom(Conversations.group(groupId), message.seq());
        positions.remove(message.senderId());
        if (positions.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(groupId);
        args.addAll(positions.keySet());
        return jdbc.query(
                """
                SELECT m.user_id, u.username, u.display_name
                FROM group_members m LEFT JOIN users u ON u.user_id = m.user_id
                WHERE m.group_id = ? AND m.user_id IN (%s)
                  AND NOT EXISTS (SELECT 1 FROM privacy_settings p WHERE p.user_id = m.user_id AND NOT p.receipts_enabled)
                ORDER BY coalesce(u.username, ''), m.user_id""".formatted(String.join(", ", Collections.nCopies(positions.size(), "?"))),
                (row, index) -> {
                    UUID userId = row.getObject("user_id", UUID.class);
                    return new Reader(
                            userId, row.getString("username"), row.getString("display_name"), positions.get(userId));
                },
                args.toArray());
    }

    /** A member who has read the message: their read position is {@code readSeq}, at or beyond the message. */
    record Reader(UUID userId, String username, String displayName, long readSeq) {}
}
