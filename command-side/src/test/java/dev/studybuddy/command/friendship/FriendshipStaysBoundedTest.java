package dev.studybuddy.command.friendship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.studybuddy.api.friendship.DirectMessageEditedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.EditDirectMessageCommand;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.support.Snapshots;
import dev.studybuddy.command.user.TestUserDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * A pair's memory and snapshot do not grow with its direct messages: past {@link RecentMessages#CAPACITY}
 * messages they stay the same size. Sizes, not times: speed is measured in bench/.
 */
class FriendshipStaysBoundedTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final String PAIR = FriendshipId.of(ANN, BEN);
    /** A full record of the latest messages is about 150 KB: far below this, whatever the conversation's length. */
    private static final int SNAPSHOT_BOUND = 200 * 1024;

    @Test
    void aPairWithAHundredThousandMessagesDecidesAndSnapshotsAsOneWithAThousand() {
        int small = snapshotAfterDecidingWith(100);
        int full = snapshotAfterDecidingWith(RecentMessages.CAPACITY);
        int large = snapshotAfterDecidingWith(100_000);

        assertThat(small).isLessThan(full);
        assertThat(large).isLessThan(SNAPSHOT_BOUND);
        assertThat((double) large).isCloseTo(full, within(full * 0.01));
    }

    @Test
    void aPairRestoredFromItsSnapshotIsThePairItWas() {
        List<Object> history = history(RecentMessages.CAPACITY + 10);
        DirectMessageSentEvent latest = (DirectMessageSentEvent) history.get(history.size() - 1);
        fixture()
                .given(history)
                .when(new EditDirectMessageCommand(ANN, BEN, latest.messageId(), "edited"))
                .expectState(pair -> assertThat(Snapshots.restored(pair))
                        .usingRecursiveComparison()
                        .isEqualTo(pair));
    }

    private static int snapshotAfterDecidingWith(int messages) {
        List<Object> history = history(messages);
        DirectMessageSentEvent latest = (DirectMessageSentEvent) history.get(history.size() - 1);
        int[] size = new int[1];
        fixture()
                .given(history)
                .when(new EditDirectMessageCommand(ANN, BEN, latest.messageId(), "edited"))
                .expectEvents(new DirectMessageEditedEvent(PAIR, latest.messageId(), "edited"))
                .expectState(pair -> size[0] = Snapshots.sizeOf(pair));
        return size[0];
    }

    private static AggregateTestFixture<Friendship> fixture() {
        AggregateTestFixture<Friendship> fixture = new AggregateTestFixture<>(Friendship.class);
        fixture.registerInjectableResource(
                new TestUserDirectory().active(ANN, BEN).directory());
        fixture.registerInjectableResource(new EditWindow(Duration.ofMinutes(15)));
        return fixture;
    }

    /** The latest message is Ann's. */
    private static List<Object> history(int messages) {
        List<Object> history = new ArrayList<>(
                List.of(new FriendRequestSentEvent(PAIR, ANN, BEN), new FriendRequestAcceptedEvent(PAIR, ANN, BEN)));
        IntStream.range(0, messages).forEach(i -> {
            boolean byAnn = (messages - 1 - i) % 2 == 0;
            history.add(new DirectMessageSentEvent(
                    PAIR, UUID.randomUUID(), byAnn ? ANN : BEN, byAnn ? BEN : ANN, "message " + i, null, List.of()));
        });
        return history;
    }
}
