package dev.studybuddy.command.friendship;

import static dev.studybuddy.api.error.ErrorCode.EDIT_WINDOW_CLOSED;
import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.NOT_FRIENDS;
import static dev.studybuddy.api.error.ErrorCode.RULE_VIOLATED;
import static dev.studybuddy.command.support.Refusals.refusedWith;

import dev.studybuddy.api.friendship.DeleteDirectMessageCommand;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageEditedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectReadPositionAdvancedEvent;
import dev.studybuddy.api.friendship.EditDirectMessageCommand;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipEndedEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.MarkDirectReadCommand;
import dev.studybuddy.api.friendship.SendDirectMessageCommand;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.user.TestUserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct messages: only between friends, never across a block, edited and deleted by their author. */
class DirectMessagesTest {

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
        fixture.registerInjectableResource(new EditWindow(Duration.ofMinutes(15)));
    }

    private static List<Object> friends() {
        return List.of(new FriendRequestSentEvent(PAIR, ANN, BEN), new FriendRequestAcceptedEvent(PAIR, ANN, BEN));
    }

    private static DirectMessageSentEvent annWrote() {
        return new DirectMessageSentEvent(PAIR, MESSAGE, ANN, BEN, "See you at the library?", null, List.of());
    }

    @Test
    void friendsWriteToEachOther() {
        fixture.given(friends())
                .when(new SendDirectMessageCommand(ANN, BEN, MESSAGE, "See you at the library?", null, List.of()))
                .expectEvents(annWrote())
                .expectResultMessagePayload(2L);
    }

    @Test
    void strangersAndFormerFriendsCannotWrite() {
        fixture.given(new FriendRequestSentEvent(PAIR, ANN, BEN))
                .when(new SendDirectMessageCommand(ANN, BEN, MESSAGE, "hi", null, List.of()))
                .expectException(refusedWith(NOT_FRIENDS));
        fixture.given(friends())
                .andGiven(new FriendshipEndedEvent(PAIR, BEN, ANN))
                .when(new SendDirectMessageCommand(ANN, BEN, MESSAGE, "hi", null, List.of()))
                .expectException(refusedWith(NOT_FRIENDS));
    }

    @Test
    void aBlockRefusesDirectMessagesBothWays() {
        fixture.given(friends())
                .andGiven(new UserBlockedEvent(PAIR, BEN, ANN, true, null))
                .when(new SendDirectMessageCommand(BEN, ANN, MESSAGE, "hi", null, List.of()))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FRIENDS));
    }

    @Test
    void aReplyAnswersAMessageOfThisConversation() {
        fixture.given(friends())
                .when(new SendDirectMessageCommand(BEN, ANN, UUID.randomUUID(), "yes", UUID.randomUUID(), List.of()))
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void aReplyDoesNotAnswerADeletedMessage() {
        fixture.given(friends())
                .andGiven(annWrote(), new DirectMessageDeletedEvent(PAIR, MESSAGE, ANN))
                .when(new SendDirectMessageCommand(BEN, ANN, UUID.randomUUID(), "yes", MESSAGE, List.of()))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void theAuthorEditsWithinTheWindowOnly() {
        fixture.given(friends())
                .andGiven(annWrote())
                .andGivenCurrentTime(Instant.now().plus(Duration.ofMinutes(5)))
                .when(new EditDirectMessageCommand(ANN, BEN, MESSAGE, "See you at the café?"))
                .expectEvents(new DirectMessageEditedEvent(PAIR, MESSAGE, "See you at the café?"));
        fixture.given(friends())
                .andGiven(annWrote())
                .andGivenCurrentTime(Instant.now().plus(Duration.ofMinutes(20)))
                .when(new EditDirectMessageCommand(ANN, BEN, MESSAGE, "late"))
                .expectException(refusedWith(EDIT_WINDOW_CLOSED));
    }

    @Test
    void onlyTheAuthorEditsOrDeletes() {
        fixture.given(friends())
                .andGiven(annWrote())
                .when(new EditDirectMessageCommand(BEN, ANN, MESSAGE, "mine now"))
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(friends())
                .andGiven(annWrote())
                .when(new DeleteDirectMessageCommand(BEN, ANN, MESSAGE))
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(friends())
                .andGiven(annWrote())
                .when(new DeleteDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectEvents(new DirectMessageDeletedEvent(PAIR, MESSAGE, ANN));
    }

    @Test
    void readPositionsOnlyMoveForward() {
        fixture.given(friends())
                .andGiven(annWrote(), new DirectReadPositionAdvancedEvent(PAIR, BEN, 2))
                .when(new MarkDirectReadCommand(BEN, ANN, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(friends())
                .andGiven(annWrote())
                .when(new MarkDirectReadCommand(BEN, ANN, 2))
                .expectEvents(new DirectReadPositionAdvancedEvent(PAIR, BEN, 2));
    }

    @Test
    void aReadPositionNeverPassesTheConversationsNewestEvent() {
        fixture.given(friends())
                .andGiven(annWrote())
                .when(new MarkDirectReadCommand(BEN, ANN, 1_000_000))
                .expectEvents(new DirectReadPositionAdvancedEvent(PAIR, BEN, 2));
        // the event that moved Ben's position is the pair's newest (3), and his position is there already
        fixture.given(friends())
                .andGiven(annWrote(), new DirectReadPositionAdvancedEvent(PAIR, BEN, 3))
                .when(new MarkDirectReadCommand(BEN, ANN, Long.MAX_VALUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** Ann's MESSAGE, then enough of Ben's answers for the pair to forget it. */
    private static List<Object> annWroteThenAThousandMore() {
        return Stream.concat(
                        Stream.of(annWrote()),
                        Stream.generate(() -> (Object) new DirectMessageSentEvent(
                                        PAIR, UUID.randomUUID(), BEN, ANN, "more", null, List.of()))
                                .limit(RecentMessages.CAPACITY))
                .toList();
    }

    @Test
    void aMessageOlderThanTheLatestThousandIsNeitherEditedNorAnsweredNorDeleted() {
        fixture.given(friends())
                .andGiven(annWroteThenAThousandMore())
                .when(new EditDirectMessageCommand(ANN, BEN, MESSAGE, "within fifteen minutes, but too late"))
                .expectException(refusedWith(EDIT_WINDOW_CLOSED));
        fixture.given(friends())
                .andGiven(annWroteThenAThousandMore())
                .when(new SendDirectMessageCommand(BEN, ANN, UUID.randomUUID(), "to an old one", MESSAGE, List.of()))
                .expectException(refusedWith(RULE_VIOLATED));
        // only its author deletes a direct message, and the pair no longer knows who that was
        fixture.given(friends())
                .andGiven(annWroteThenAThousandMore())
                .when(new DeleteDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void theLatestThousandMessagesAreEditedAndDeletedAsAlways() {
        List<Object> history = Stream.concat(
                        annWroteThenAThousandMore().stream().skip(1), Stream.of(annWrote()))
                .toList();
        fixture.given(friends())
                .andGiven(history)
                .when(new EditDirectMessageCommand(ANN, BEN, MESSAGE, "See you at the café?"))
                .expectEvents(new DirectMessageEditedEvent(PAIR, MESSAGE, "See you at the café?"));
        fixture.given(friends())
                .andGiven(history)
                .when(new DeleteDirectMessageCommand(BEN, ANN, MESSAGE))
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(friends())
                .andGiven(history)
                .when(new DeleteDirectMessageCommand(ANN, BEN, MESSAGE))
                .expectEvents(new DirectMessageDeletedEvent(PAIR, MESSAGE, ANN));
    }

    @Test
    void whileNothingIsForgottenAnUnknownMessageIsNotFound() {
        fixture.given(friends())
                .andGiven(annWrote())
                .when(new DeleteDirectMessageCommand(ANN, BEN, UUID.randomUUID()))
                .expectException(refusedWith(NOT_FOUND));
    }
}
