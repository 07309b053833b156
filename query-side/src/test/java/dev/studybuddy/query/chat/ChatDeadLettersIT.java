package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.platform.deadletter.DeadLetters;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poison: a group message without its id (a faulty upcaster, say), appended past every validation. The chat
 * views cannot key it, so the chat processor parks it, and what follows it in the same group, in PostgreSQL's
 * dead-letter queue, and other groups' messages reach the views. Before, the chat processor had no queue, so the
 * failure stalled its segment for good.
 */
@QuerySideIT
class ChatDeadLettersIT {

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    ChatViews views;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMessageWithoutAnIdIsParkedWithTheRestOfItsGroupWhileOtherGroupsFlow() {
        UUID author = UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        groups.publish(
                poisoned, new GroupMessagePostedEvent(poisoned, null, author, "no id", null, List.of(), List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(poisoned).size() == 1);

        Chats.Posted behind = chats.post(poisoned, author, "after the poison");
        UUID healthy = UUID.randomUUID();
        Chats.Posted flowing = chats.post(healthy, author, "flowing");

        accounts.awaitProjected(ChatProjection.PROCESSING_GROUP, flowing.token());
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(poisoned).size() == 2);
        List<Map<String, Object>> letters = letters(poisoned);
        assertThat(letters).extracting(letter -> letter.get("sequence_number")).containsExactly(0L, behind.seq());
        assertThat((String) letters.get(0).get("cause_type")).isEqualTo(NullPointerException.class.getName());
        assertThat(letters.get(1).get("cause_type"))
                .as("parked behind the first, never handled")
                .isNull();
        assertThat(deadLetters.count(ChatProjection.PROCESSING_GROUP)).isGreaterThanOrEqualTo(2);
        assertThat(views.latest(Conversations.group(poisoned), author)).isEmpty();
        assertThat(views.latest(Conversations.group(healthy), author))
                .hasValueSatisfying(message -> assertThat(message.messageId()).isEqualTo(flowing.messageId()));
    }

    private List<Map<String, Object>> letters(UUID groupId) {
        return jdbc.queryForList("""
                SELECT sequence_number, cause_type FROM dead_letter_entry
                WHERE processing_group = ? AND sequence_identifier = ? ORDER BY sequence_index""", ChatProjection.PROCESSING_GROUP, groupId.toString());
    }
}
