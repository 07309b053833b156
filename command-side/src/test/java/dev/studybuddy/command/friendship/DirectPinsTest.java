package dev.studybuddy.command.friendship;

import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.NOT_FRIENDS;
import static dev.studybuddy.api.error.ErrorCode.PIN_LIMIT_REACHED;
import static dev.studybuddy.api.error.ErrorCode.RULE_VIOLATED;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.chat.MessageRules;
import dev.studybuddy.api.friendship.DeleteDirectMessageCommand;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessagePinnedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectMessageUnpinnedEvent;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipEndedEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.PinDirectMessageCommand;
import dev.studybuddy.api.friendship.UnpinDirectMessageCommand;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.support.Snapshots;
import dev.studybuddy.command.user.TestUserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pinned direct messages: either friend pins, at most 50, of the pair's latest messages, never a deleted one. */
class DirectPinsTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final String PAIR = FriendshipId.of(ANN, BEN);
    private static final UUID MESSAGE = UUID.randomUUID();

    private AggregateTestFixture<Friendship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Friendship.class);
        fixture.registerInjectableResource(
                new TestUserDirectory().active(ANN, BEN).directory());
    }

    private static DirectMessageSentEvent sent(UUID messageId) {
        return new DirectMessageSentEvent(PAIR, messageId, ANN, BEN, "Bring the formula sheet", null, List.of());
    }

    private static List<Object> friendsWithMessage() {
        return new ArrayList<>(List.of(
                new FriendRequestSentEvent(PAIR, ANN, BEN),
                new FriendRequestAcceptedEvent(PAIR, ANN, BEN),
                sent(MESSAGE)));
    }

    @Test
    void eitherFriendPinsAndUnpins() {
        fixture.given(friendsWithMessage())
                .when(new PinDirectMessageCommand(BEN, ANN, MESSAGE))
                .expectEvents(new DirectMessagePinnedEvent(PAIR, MESSAGE, BEN));
        fixture.given(friendsWithMessage())
                .andGiven(new DirectMessagePinnedEvent(PAIR, MESSAGE, BEN))
                .when(new UnpinDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectEvents(new DirectMessageUnpinnedEvent(PAIR, MESSAGE, ANN));
    }

    @Test
    void pinningAndUnpinningAreIdempotent() {
        fixture.given(friendsWithMessage())
                .andGiven(new DirectMessagePinnedEvent(PAIR, MESSAGE, BEN))
                .when(new PinDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(friendsWithMessage())
                .when(new UnpinDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void formerFriendsAndABlockedPairNeitherPinNorUnpin() {
        fixture.given(friendsWithMessage())
                .andGiven(new FriendshipEndedEvent(PAIR, BEN, ANN))
                .when(new PinDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FRIENDS));
        fixture.given(friendsWithMessage())
                .andGiven(
                        new DirectMessagePinnedEvent(PAIR, MESSAGE, BEN),
                        new UserBlockedEvent(PAIR, BEN, ANN, true, null))
                .when(new UnpinDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FRIENDS));
    }

    @Test
    void aDeletedOrUnknownMessageCannotBePinned() {
        fixture.given(friendsWithMessage())
                .andGiven(new DirectMessageDeletedEvent(PAIR, MESSAGE, ANN))
                .when(new PinDirectMessageCommand(BEN, ANN, MESSAGE))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
        fixture.given(friendsWithMessage())
                .when(new PinDirectMessageCommand(BEN, ANN, UUID.randomUUID()))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void onlyOneOfTheLatestMessagesCanBePinned() {
        List<Object> history = friendsWithMessage();
        for (int i = 0; i < RecentMessages.CAPACITY; i++) {
            history.add(sent(UUID.randomUUID()));
        }
        fixture.given(history)
                .when(new PinDirectMessageCommand(BEN, ANN, MESSAGE))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void atMostFiftyMessagesArePinnedAtOnce() {
        List<Object> history = friendsWithMessage();
        for (int i = 0; i < MessageRules.MAX_PINS; i++) {
            UUID messageId = UUID.randomUUID();
            history.add(sent(messageId));
            history.add(new DirectMessagePinnedEvent(PAIR, messageId, ANN));
        }
        fixture.given(history)
                .when(new PinDirectMessageCommand(BEN, ANN, MESSAGE))
                .expectNoEvents()
                .expectException(refusedWith(PIN_LIMIT_REACHED));
    }

    @Test
    void deletingAPinnedMessageUnpinsItAlsoAfterTheFriendshipEnded() {
        fixture.given(friendsWithMessage())
                .andGiven(new DirectMessagePinnedEvent(PAIR, MESSAGE, BEN), new FriendshipEndedEvent(PAIR, BEN, ANN))
                .when(new DeleteDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectEvents(
                        new DirectMessageDeletedEvent(PAIR, MESSAGE, ANN),
                        new DirectMessageUnpinnedEvent(PAIR, MESSAGE, ANN));
    }

    @Test
    void pinsLiveThroughASnapshot() {
        fixture.given(friendsWithMessage())
                .andGiven(new DirectMessagePinnedEvent(PAIR, MESSAGE, BEN))
                .when(new UnpinDirectMessageCommand(ANN, BEN, UUID.randomUUID()))
                .expectState(pair -> assertThat(Snapshots.restored(pair))
                        .usingRecursiveComparison()
                        .isEqualTo(pair));
    }
}
