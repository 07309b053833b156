package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.GROUP_ARCHIVED;
import static dev.studybuddy.api.error.ErrorCode.NOT_A_MEMBER;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.REACTION_LIMIT_REACHED;
import static dev.studybuddy.api.error.ErrorCode.RULE_VIOLATED;
import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.ADMIN;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.OUTSIDER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.chat.ReactionRules;
import dev.studybuddy.api.group.AddGroupReactionCommand;
import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.api.group.GroupReactionRemovedEvent;
import dev.studybuddy.api.group.RemoveGroupReactionCommand;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.chat.RecentReactions;
import dev.studybuddy.command.support.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reactions in a group: members react once per emoji to its latest messages, at most 20 different emoji on each. */
class GroupReactionsTest {

    private static final UUID MESSAGE = UUID.randomUUID();
    private static final String THUMBS_UP = "\uD83D\uDC4D";
    /** Twenty different emoji. */
    private static final List<String> TWENTY = ReactionRules.SHORT_NAMES.stream()
            .sorted()
            .limit(ReactionRules.MAX_EMOJI_PER_MESSAGE)
            .toList();

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
    }

    private static GroupMessagePostedEvent posted(UUID messageId) {
        return new GroupMessagePostedEvent(GROUP, messageId, MEMBER, "Solved problem 3!", null, List.of(), List.of());
    }

    private static List<Object> withMessage() {
        List<Object> history = new ArrayList<>(roster(OPEN));
        history.add(posted(MESSAGE));
        return history;
    }

    @Test
    void membersReactOncePerEmoji() {
        fixture.given(withMessage())
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .expectEvents(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP));
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, ADMIN, THUMBS_UP))
                .expectEvents(new GroupReactionAddedEvent(GROUP, MESSAGE, ADMIN, THUMBS_UP));
    }

    @Test
    void membersTakeTheirReactionBackAndTakingBackOneNotGivenChangesNothing() {
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .expectEvents(new GroupReactionRemovedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP));
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, ADMIN, THUMBS_UP))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /**
     * A reaction given before the emoji rules took Unicode's recommended set is taken back as it was given (an arrow,
     * refused now, or a heart without its presentation selector); a heart sent without the selector takes back the
     * heart kept with it.
     */
    @Test
    void aReactionIsTakenBackInTheFormItWasKept() {
        String arrow = "\u2190";
        String bareHeart = "\u2764";
        String heart = "\u2764\uFE0F";
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, arrow))
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, OWNER, arrow))
                .expectEvents(new GroupReactionRemovedEvent(GROUP, MESSAGE, OWNER, arrow));
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, bareHeart))
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, OWNER, bareHeart))
                .expectEvents(new GroupReactionRemovedEvent(GROUP, MESSAGE, OWNER, bareHeart));
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, heart))
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, OWNER, bareHeart))
                .expectEvents(new GroupReactionRemovedEvent(GROUP, MESSAGE, OWNER, heart));
        assertThatThrownBy(() -> new AddGroupReactionCommand(GROUP, MESSAGE, OWNER, arrow))
                .isInstanceOf(IllegalArgumentException.class);
        for (String never : List.of("", "ab", "\u0007", THUMBS_UP + THUMBS_UP)) {
            assertThatThrownBy(() -> new RemoveGroupReactionCommand(GROUP, MESSAGE, OWNER, never))
                    .as(never)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void outsidersNeitherReactNorTakeBack() {
        fixture.given(withMessage())
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, OUTSIDER, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(withMessage())
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, OUTSIDER, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void aDeletedOrUnknownMessageTakesNoReactions() {
        fixture.given(withMessage())
                .andGiven(new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false))
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
        fixture.given(withMessage())
                .when(new AddGroupReactionCommand(GROUP, UUID.randomUUID(), OWNER, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void onlyTheLatestMessagesTakeReactions() {
        List<Object> history = new ArrayList<>(withMessage());
        history.add(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP));
        for (int i = 0; i < RecentMessages.CAPACITY; i++) {
            history.add(posted(UUID.randomUUID()));
        }
        fixture.given(history)
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, ADMIN, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(history)
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void aMessageCarriesAtMostTwentyDifferentEmoji() {
        List<Object> history = new ArrayList<>(withMessage());
        TWENTY.forEach(emoji -> history.add(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, emoji)));
        fixture.given(history)
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, ADMIN, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(REACTION_LIMIT_REACHED));
        fixture.given(history)
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, ADMIN, TWENTY.get(0)))
                .expectEvents(new GroupReactionAddedEvent(GROUP, MESSAGE, ADMIN, TWENTY.get(0)));
        fixture.given(history)
                .andGiven(new GroupReactionRemovedEvent(GROUP, MESSAGE, OWNER, TWENTY.get(0)))
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, ADMIN, THUMBS_UP))
                .expectEvents(new GroupReactionAddedEvent(GROUP, MESSAGE, ADMIN, THUMBS_UP));
    }

    @Test
    void beyondTheCapacityTheMessageFirstReactedToIsClosed() {
        List<Object> history = new ArrayList<>(withMessage());
        history.add(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP));
        for (int i = 0; i < RecentReactions.CAPACITY / TWENTY.size(); i++) {
            UUID other = UUID.randomUUID();
            history.add(posted(other));
            TWENTY.forEach(emoji -> history.add(new GroupReactionAddedEvent(GROUP, other, OWNER, emoji)));
        }
        fixture.given(history)
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, ADMIN, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(history)
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void reactionsBeyondTheCapacityDoNotGrowTheSnapshot() {
        List<Object> history = new ArrayList<>(roster(OPEN));
        for (int i = 0; i < 2 * RecentReactions.CAPACITY / TWENTY.size(); i++) {
            UUID other = UUID.randomUUID();
            history.add(posted(other));
            for (UUID user : List.of(OWNER, ADMIN)) {
                TWENTY.forEach(emoji -> history.add(new GroupReactionAddedEvent(GROUP, other, user, emoji)));
            }
        }
        fixture.given(history)
                .when(new RemoveGroupReactionCommand(GROUP, UUID.randomUUID(), MEMBER, THUMBS_UP))
                .expectSuccessfulHandlerExecution()
                .expectState(group -> assertThat(Snapshots.sizeOf(group))
                        .as("bytes, with twice the capacity given")
                        .isLessThan(700_000));
    }

    @Test
    void anArchivedGroupTakesNoReactions() {
        fixture.given(withMessage())
                .andGiven(new GroupArchivedEvent(GROUP, OWNER, false))
                .when(new AddGroupReactionCommand(GROUP, MESSAGE, MEMBER, THUMBS_UP))
                .expectNoEvents()
                .expectException(refusedWith(GROUP_ARCHIVED));
    }

    @Test
    void anEmojiIsOneEmojiOrAKnownShortName() {
        for (String emoji : List.of(
                "\uD83D\uDC4D\uD83C\uDFFD",
                "\uD83C\uDDE9\uD83C\uDDEA",
                "\u2764\uFE0F",
                "1\uFE0F\u20E3",
                "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                "\u2934\uFE0F",
                ":thumbsup:")) {
            assertThat(new AddGroupReactionCommand(GROUP, MESSAGE, MEMBER, emoji).emoji())
                    .isEqualTo(emoji);
        }
        assertThat(new AddGroupReactionCommand(GROUP, MESSAGE, MEMBER, "\u2764").emoji())
                .as("a heart without its presentation selector is the heart")
                .isEqualTo("\u2764\uFE0F");
        assertThat(new AddGroupReactionCommand(GROUP, MESSAGE, MEMBER, "1\u20E3").emoji())
                .isEqualTo("1\uFE0F\u20E3");
        for (String emoji : List.of(
                "",
                "a",
                "ok",
                THUMBS_UP + THUMBS_UP,
                ":not_on_the_list:",
                "\u0007",
                "1",
                "\u00E9",
                THUMBS_UP + " ",
                "\u2190",
                "\u2B00",
                "\uD83C\uDDE6",
                "\uD83C\uDC00",
                "\u2764\uFE0F\uFE0F",
                "x".repeat(40))) {
            assertThatThrownBy(() -> new AddGroupReactionCommand(GROUP, MESSAGE, MEMBER, emoji))
                    .as(emoji)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reactionsLiveThroughASnapshot() {
        fixture.given(withMessage())
                .andGiven(new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, THUMBS_UP))
                .when(new RemoveGroupReactionCommand(GROUP, MESSAGE, ADMIN, THUMBS_UP))
                .expectState(group -> assertThat(Snapshots.restored(group))
                        .usingRecursiveComparison()
                        .isEqualTo(group));
    }
}
