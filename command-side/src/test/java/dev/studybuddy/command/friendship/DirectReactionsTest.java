package dev.studybuddy.command.friendship;

import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.NOT_FRIENDS;
import static dev.studybuddy.api.error.ErrorCode.REACTION_LIMIT_REACHED;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.chat.ReactionRules;
import dev.studybuddy.api.friendship.AddDirectReactionCommand;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectReactionAddedEvent;
import dev.studybuddy.api.friendship.DirectReactionRemovedEvent;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.RemoveDirectReactionCommand;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.command.support.Snapshots;
import dev.studybuddy.command.user.TestUserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reactions in a direct conversation: either friend, once per emoji, at most 20 different emoji on a message. */
class DirectReactionsTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final String PAIR = FriendshipId.of(ANN, BEN);
    private static final UUID MESSAGE = UUID.randomUUID();
    private static final String HEART = ":heart:";

    private AggregateTestFixture<Friendship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Friendship.class);
        fixture.registerInjectableResource(
                new TestUserDirectory().active(ANN, BEN).directory());
    }

    private static List<Object> friendsWithMessage() {
        return new ArrayList<>(List.of(
                new FriendRequestSentEvent(PAIR, ANN, BEN),
                new FriendRequestAcceptedEvent(PAIR, ANN, BEN),
                new DirectMessageSentEvent(PAIR, MESSAGE, ANN, BEN, "Passed the exam!", null, List.of())));
    }

    @Test
    void eitherFriendReactsOncePerEmojiAndTakesItBack() {
        fixture.given(friendsWithMessage())
                .when(new AddDirectReactionCommand(BEN, ANN, MESSAGE, HEART))
                .expectEvents(new DirectReactionAddedEvent(PAIR, MESSAGE, BEN, HEART));
        fixture.given(friendsWithMessage())
                .andGiven(new DirectReactionAddedEvent(PAIR, MESSAGE, BEN, HEART))
                .when(new AddDirectReactionCommand(BEN, ANN, MESSAGE, HEART))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(friendsWithMessage())
                .andGiven(new DirectReactionAddedEvent(PAIR, MESSAGE, BEN, HEART))
                .when(new RemoveDirectReactionCommand(BEN, ANN, MESSAGE, HEART))
                .expectEvents(new DirectReactionRemovedEvent(PAIR, MESSAGE, BEN, HEART));
        fixture.given(friendsWithMessage())
                .when(new RemoveDirectReactionCommand(ANN, BEN, MESSAGE, HEART))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void strangersAndABlockedPairDoNotReact() {
        fixture.given(friendsWithMessage())
                .andGiven(new UserBlockedEvent(PAIR, BEN, ANN, true, null))
                .when(new AddDirectReactionCommand(ANN, BEN, MESSAGE, HEART))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FRIENDS));
        fixture.given(new FriendRequestSentEvent(PAIR, ANN, BEN))
                .when(new AddDirectReactionCommand(ANN, BEN, MESSAGE, HEART))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FRIENDS));
    }

    @Test
    void aDeletedMessageTakesNoReactions() {
        fixture.given(friendsWithMessage())
                .andGiven(new DirectMessageDeletedEvent(PAIR, MESSAGE, ANN))
                .when(new AddDirectReactionCommand(BEN, ANN, MESSAGE, HEART))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void aMessageCarriesAtMostTwentyDifferentEmoji() {
        List<Object> history = friendsWithMessage();
        ReactionRules.SHORT_NAMES.stream()
                .filter(name -> !name.equals(HEART))
                .limit(ReactionRules.MAX_EMOJI_PER_MESSAGE)
                .forEach(emoji -> history.add(new DirectReactionAddedEvent(PAIR, MESSAGE, ANN, emoji)));
        fixture.given(history)
                .when(new AddDirectReactionCommand(BEN, ANN, MESSAGE, HEART))
                .expectNoEvents()
                .expectException(refusedWith(REACTION_LIMIT_REACHED));
    }

    @Test
    void reactionsLiveThroughASnapshot() {
        fixture.given(friendsWithMessage())
                .andGiven(new DirectReactionAddedEvent(PAIR, MESSAGE, BEN, HEART))
                .when(new RemoveDirectReactionCommand(ANN, BEN, MESSAGE, HEART))
                .expectState(pair -> assertThat(Snapshots.restored(pair))
                        .usingRecursiveComparison()
                        .isEqualTo(pair));
    }
}
