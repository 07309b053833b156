package dev.studybuddy.command.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.support.Snapshots;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Snapshots taken while the group still kept every message ("messages") load into the bounded record. */
class GroupOlderSnapshotTest {

    @Test
    void anOlderSnapshotKeepsItsLatestMessagesInTheOrderTheyWerePosted() {
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        UUID author = UUID.randomUUID();
        UUID oldest = UUID.randomUUID();
        UUID latest = UUID.randomUUID();
        int count = RecentMessages.CAPACITY + 1;
        String messages = IntStream.range(0, count)
                .mapToObj(i -> "\"%s\":{\"authorId\":\"%s\",\"postedAt\":\"%s\",\"deleted\":%s}"
                        .formatted(
                                i == 0 ? oldest : i == count - 1 ? latest : UUID.randomUUID(),
                                author,
                                start.plusSeconds(i),
                                i == count - 1))
                .collect(Collectors.joining(",", "{", "}"));
        String snapshot = "{\"groupId\":\"%s\",\"name\":\"Old\",\"capacity\":50,\"messages\":%s}"
                .formatted(UUID.randomUUID(), messages);

        Group group = Snapshots.fromJson(snapshot, Group.class);

        RecentMessages recent = recentMessagesOf(group);
        assertThat(recent.size()).isEqualTo(RecentMessages.CAPACITY);
        assertThat(recent.isComplete()).isFalse();
        assertThat(recent.remembers(oldest)).isFalse();
        assertThat(recent.find(latest)).hasValueSatisfying(message -> {
            assertThat(message.deleted()).isTrue();
            assertThat(message.postedAt()).isEqualTo(start.plusSeconds(count - 1));
        });
    }

    private static RecentMessages recentMessagesOf(Group group) {
        return (RecentMessages) fieldOf(fieldOf(group, "conversation"), "recentMessages");
    }

    private static Object fieldOf(Object owner, String name) {
        try {
            var field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
