package dev.studybuddy.command.friendship;

import static dev.studybuddy.api.error.ErrorCode.ALREADY_FRIENDS;
import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.FRIEND_REQUEST_NOT_POSSIBLE;
import static dev.studybuddy.api.error.ErrorCode.NOTHING_PENDING;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.REQUEST_ALREADY_PENDING;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.friendship.AcceptFriendRequestCommand;
import dev.studybuddy.api.friendship.BlockUserCommand;
import dev.studybuddy.api.friendship.CancelFriendRequestCommand;
import dev.studybuddy.api.friendship.DeclineFriendRequestCommand;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestCancelledEvent;
import dev.studybuddy.api.friendship.FriendRequestDeclinedEvent;
import dev.studybuddy.api.friendship.FriendRequestOutcome;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipEndedEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.RemoveFriendCommand;
import dev.studybuddy.api.friendship.SendFriendRequestCommand;
import dev.studybuddy.api.friendship.UnblockUserCommand;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.api.friendship.UserUnblockedEvent;
import dev.studybuddy.command.user.TestUserDirectory;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FriendshipTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CAROL = UUID.randomUUID();
    private static final UUID DEACTIVATED = UUID.randomUUID();
    private static final UUID UNKNOWN = UUID.randomUUID();
    private static final String PAIR = FriendshipId.of(ALICE, BOB);

    private AggregateTestFixture<Friendship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Friendship.class);
        fixture.registerInjectableResource(new TestUserDirectory()
                .active(ALICE, BOB, CAROL)
                .deactivated(DEACTIVATED)
                .directory());
    }

    private static FriendRequestSentEvent aliceAskedBob() {
        return new FriendRequestSentEvent(PAIR, ALICE, BOB);
    }

    private static FriendRequestAcceptedEvent bobAccepted() {
        return new FriendRequestAcceptedEvent(PAIR, ALICE, BOB);
    }

    private static UserBlockedEvent blockedBy(UUID blocker, UUID blocked) {
        return new UserBlockedEvent(PAIR, blocker, blocked, false, null);
    }

    @Test
    void friendshipIdIsTheSameWhicheverSideAsks() {
        assertThat(FriendshipId.of(BOB, ALICE)).isEqualTo(PAIR);
        assertThat(new SendFriendRequestCommand(BOB, ALICE).friendshipId()).isEqualTo(PAIR);
    }

    @Test
    void noFriendRequestToOneself() {
        assertThatThrownBy(() -> new SendFriendRequestCommand(ALICE, ALICE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void friendRequestToAnActiveUserIsPending() {
        fixture.givenNoPriorActivity()
                .when(new SendFriendRequestCommand(ALICE, BOB))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(FriendRequestOutcome.PENDING)
                .expectEvents(new FriendRequestSentEvent(PAIR, ALICE, BOB));
    }

    @Test
    void noFriendRequestToADeactivatedUser() {
        fixture.givenNoPriorActivity()
                .when(new SendFriendRequestCommand(ALICE, DEACTIVATED))
                .expectNoEvents()
                .expectException(refusedWith(FRIEND_REQUEST_NOT_POSSIBLE));
    }

    @Test
    void noFriendRequestToAnUnknownUser() {
        fixture.givenNoPriorActivity()
                .when(new SendFriendRequestCommand(ALICE, UNKNOWN))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void atMostOnePendingRequestPerPair() {
        fixture.given(aliceAskedBob())
                .when(new SendFriendRequestCommand(ALICE, BOB))
                .expectNoEvents()
                .expectException(refusedWith(REQUEST_ALREADY_PENDING));
    }

    @Test
    void requestCrossingAPendingOneAcceptsTheFriendship() {
        fixture.given(aliceAskedBob())
                .when(new SendFriendRequestCommand(BOB, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(FriendRequestOutcome.ACCEPTED)
                .expectEvents(new FriendRequestAcceptedEvent(PAIR, ALICE, BOB));
    }

    @Test
    void onlyTheAddresseeAcceptsARequest() {
        fixture.given(aliceAskedBob())
                .when(new AcceptFriendRequestCommand(BOB, ALICE))
                .expectEvents(new FriendRequestAcceptedEvent(PAIR, ALICE, BOB));
        fixture.given(aliceAskedBob())
                .when(new AcceptFriendRequestCommand(ALICE, BOB))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void onlyTheAddresseeDeclinesARequest() {
        fixture.given(aliceAskedBob())
                .when(new DeclineFriendRequestCommand(BOB, ALICE))
                .expectEvents(new FriendRequestDeclinedEvent(PAIR, ALICE, BOB));
        fixture.given(aliceAskedBob())
                .when(new DeclineFriendRequestCommand(ALICE, BOB))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void answeringWithoutAPendingRequestFindsNothingPending() {
        fixture.given(aliceAskedBob(), new FriendRequestDeclinedEvent(PAIR, ALICE, BOB))
                .when(new AcceptFriendRequestCommand(BOB, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
        fixture.given(aliceAskedBob(), new FriendRequestCancelledEvent(PAIR, ALICE, BOB))
                .when(new DeclineFriendRequestCommand(BOB, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void strangersFindNothingPendingToAnswerOrCancel() {
        fixture.givenNoPriorActivity()
                .when(new AcceptFriendRequestCommand(CAROL, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
        fixture.givenNoPriorActivity()
                .when(new DeclineFriendRequestCommand(CAROL, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
        fixture.givenNoPriorActivity()
                .when(new CancelFriendRequestCommand(CAROL, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void onlyTheRequesterCancels() {
        fixture.given(aliceAskedBob())
                .when(new CancelFriendRequestCommand(ALICE, BOB))
                .expectEvents(new FriendRequestCancelledEvent(PAIR, ALICE, BOB));
        fixture.given(aliceAskedBob())
                .when(new CancelFriendRequestCommand(BOB, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void eitherFriendRemovesTheFriendship() {
        fixture.given(aliceAskedBob(), bobAccepted())
                .when(new RemoveFriendCommand(ALICE, BOB))
                .expectEvents(new FriendshipEndedEvent(PAIR, ALICE, BOB));
        fixture.given(aliceAskedBob(), bobAccepted())
                .when(new RemoveFriendCommand(BOB, ALICE))
                .expectEvents(new FriendshipEndedEvent(PAIR, BOB, ALICE));
    }

    @Test
    void removingSomeoneWhoIsNotAFriendIsNotFound() {
        fixture.given(aliceAskedBob())
                .when(new RemoveFriendCommand(ALICE, BOB))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
        fixture.given(aliceAskedBob(), bobAccepted(), new FriendshipEndedEvent(PAIR, BOB, ALICE))
                .when(new RemoveFriendCommand(ALICE, BOB))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void friendsCannotRequestAgain() {
        fixture.given(aliceAskedBob(), bobAccepted())
                .when(new SendFriendRequestCommand(BOB, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_FRIENDS));
    }

    @Test
    void formerFriendsMayRequestAgain() {
        fixture.given(aliceAskedBob(), bobAccepted(), new FriendshipEndedEvent(PAIR, ALICE, BOB))
                .when(new SendFriendRequestCommand(BOB, ALICE))
                .expectResultMessagePayload(FriendRequestOutcome.PENDING)
                .expectEvents(new FriendRequestSentEvent(PAIR, BOB, ALICE));
    }

    @Test
    void blockingEndsAFriendship() {
        fixture.given(aliceAskedBob(), bobAccepted())
                .when(new BlockUserCommand(BOB, ALICE))
                .expectEvents(new UserBlockedEvent(PAIR, BOB, ALICE, true, null));
    }

    @Test
    void blockingWithdrawsAPendingRequestFromEitherSide() {
        fixture.given(aliceAskedBob())
                .when(new BlockUserCommand(BOB, ALICE))
                .expectEvents(new UserBlockedEvent(PAIR, BOB, ALICE, false, ALICE));
        fixture.given(aliceAskedBob())
                .when(new BlockUserCommand(ALICE, BOB))
                .expectEvents(new UserBlockedEvent(PAIR, ALICE, BOB, false, ALICE));
    }

    @Test
    void blockingAStrangerRecordsTheBlockAlone() {
        fixture.givenNoPriorActivity()
                .when(new BlockUserCommand(ALICE, BOB))
                .expectEvents(new UserBlockedEvent(PAIR, ALICE, BOB, false, null));
    }

    @Test
    void blockingAnUnknownUserIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new BlockUserCommand(ALICE, UNKNOWN))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void blockRefusesNewRequestsInBothDirections() {
        fixture.given(blockedBy(ALICE, BOB))
                .when(new SendFriendRequestCommand(ALICE, BOB))
                .expectNoEvents()
                .expectException(refusedWith(FRIEND_REQUEST_NOT_POSSIBLE));
        fixture.given(blockedBy(ALICE, BOB))
                .when(new SendFriendRequestCommand(BOB, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(FRIEND_REQUEST_NOT_POSSIBLE));
    }

    @Test
    void unblockingAllowsRequestsAgain() {
        fixture.given(blockedBy(ALICE, BOB))
                .when(new UnblockUserCommand(ALICE, BOB))
                .expectEvents(new UserUnblockedEvent(PAIR, ALICE, BOB));
        fixture.given(blockedBy(ALICE, BOB), new UserUnblockedEvent(PAIR, ALICE, BOB))
                .when(new SendFriendRequestCommand(BOB, ALICE))
                .expectResultMessagePayload(FriendRequestOutcome.PENDING)
                .expectEvents(new FriendRequestSentEvent(PAIR, BOB, ALICE));
    }

    @Test
    void bothSidesMayBlock() {
        fixture.given(blockedBy(ALICE, BOB))
                .when(new BlockUserCommand(BOB, ALICE))
                .expectEvents(new UserBlockedEvent(PAIR, BOB, ALICE, false, null));
    }

    @Test
    void oneSidesUnblockLeavesTheOthersBlock() {
        fixture.given(blockedBy(ALICE, BOB), blockedBy(BOB, ALICE))
                .when(new UnblockUserCommand(ALICE, BOB))
                .expectEvents(new UserUnblockedEvent(PAIR, ALICE, BOB));
        fixture.given(blockedBy(ALICE, BOB), blockedBy(BOB, ALICE), new UserUnblockedEvent(PAIR, ALICE, BOB))
                .when(new SendFriendRequestCommand(ALICE, BOB))
                .expectNoEvents()
                .expectException(refusedWith(FRIEND_REQUEST_NOT_POSSIBLE));
        fixture.given(blockedBy(ALICE, BOB), blockedBy(BOB, ALICE), new UserUnblockedEvent(PAIR, ALICE, BOB))
                .when(new SendFriendRequestCommand(BOB, ALICE))
                .expectNoEvents()
                .expectException(refusedWith(FRIEND_REQUEST_NOT_POSSIBLE));
    }

    @Test
    void blockingTwiceRecordsNothing() {
        fixture.given(blockedBy(ALICE, BOB))
                .when(new BlockUserCommand(ALICE, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unblockWithoutABlockRecordsNothing() {
        fixture.given(aliceAskedBob(), bobAccepted())
                .when(new UnblockUserCommand(ALICE, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(blockedBy(BOB, ALICE))
                .when(new UnblockUserCommand(ALICE, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
