package dev.studybuddy.command.group;

import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.studybuddy.api.group.EditGroupMessageCommand;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.support.Snapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A group's memory and snapshot do not grow with its chat: past {@link RecentMessages#CAPACITY} messages
 * they stay the same size, so loading it (its snapshot, then at most a snapshot interval of events) and
 * deciding cost the same at 100,000 messages as at 1,000. Sizes, not times: speed is measured in bench/.
 */
class GroupStaysBoundedTest {

    /** A full record of the latest messages is about 150 KB: far below this, whatever the chat's length. */
    private static final int SNAPSHOT_BOUND = 200 * 1024;

    @Test
    void aGroupWithAHundredThousandMessagesDecidesAndSnapshotsAsOneWithAThousand() {
        int small = snapshotAfterDecidingWith(100);
        int full = snapshotAfterDecidingWith(RecentMessages.CAPACITY);
        int large = snapshotAfterDecidingWith(100_000);

        assertThat(small).isLessThan(full);
        assertThat(large).isLessThan(SNAPSHOT_BOUND);
        assertThat((double) large).isCloseTo(full, within(full * 0.01));
    }

    @Test
    void aGroupRestoredFromItsSnapshotRemembersTheSameLatestMessages() {
        var fixture = GroupHistory.fixture();
        fixture.registerInjectableResource(new EditWindow(Duration.ofMinutes(15)));
        List<Object> history = history(RecentMessages.CAPACITY + 10);
        GroupMessagePostedEvent latest = (GroupMessagePostedEvent) history.get(history.size() - 1);
        fixture.given(history)
                .when(new EditGroupMessageCommand(GROUP, latest.messageId(), MEMBER, "edited"))
                .expectState(group -> {
                    Group restored = Snapshots.restored(group);
                    assertThat(restored).usingRecursiveComparison().isEqualTo(group);
                });
    }

    /** @return the size of the snapshot of a group with that many messages, after it decided an edit */
    private static int snapshotAfterDecidingWith(int messages) {
        var fixture = GroupHistory.fixture();
        fixture.registerInjectableResource(new EditWindow(Duration.ofMinutes(15)));
        List<Object> history = history(messages);
        GroupMessagePostedEvent latest = (GroupMessagePostedEvent) history.get(history.size() - 1);
        int[] size = new int[1];
        fixture.given(history)
                .when(new EditGroupMessageCommand(GROUP, latest.messageId(), MEMBER, "edited"))
                .expectEvents(new GroupMessageEditedEvent(GROUP, latest.messageId(), "edited"))
                .expectState(group -> size[0] = Snapshots.sizeOf(group));
        return size[0];
    }

    private static List<Object> history(int messages) {
        List<Object> history = new ArrayList<>(roster(OPEN));
        IntStream.range(0, messages)
                .forEach(i -> history.add(new GroupMessagePostedEvent(
                        GROUP,
                        UUID.randomUUID(),
                        (messages - 1 - i) % 2 == 0 ? MEMBER : OWNER,
                        "message " + i,
                        null,
                        List.of(),
                        List.of())));
        return history;
    }
}
