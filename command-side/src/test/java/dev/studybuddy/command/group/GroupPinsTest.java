package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.GROUP_ARCHIVED;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.PIN_LIMIT_REACHED;
import static dev.studybuddy.api.error.ErrorCode.RULE_VIOLATED;
import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.ADMIN;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.MODERATOR;
import static dev.studybuddy.command.group.GroupHistory.OUTSIDER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.as;
import static dev.studybuddy.command.group.GroupHistory.asPlatformModerator;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.chat.MessageRules;
import dev.studybuddy.api.group.DeleteGroupMessageCommand;
import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessagePinnedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupMessageUnpinnedEvent;
import dev.studybuddy.api.group.PinGroupMessageCommand;
import dev.studybuddy.api.group.UnpinGroupMessageCommand;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.support.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pinned group messages: the owner's and admins' board of at most 50 of the latest messages, never a deleted one. */
class GroupPinsTest {

    private static final UUID MESSAGE = UUID.randomUUID();

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
    }

    private static GroupMessagePostedEvent posted(UUID messageId, UUID author) {
        return new GroupMessagePostedEvent(
                GROUP, messageId, author, "Exam on Friday, room 4", null, List.of(), List.of());
    }

    private static List<Object> withMessage() {
        List<Object> history = new ArrayList<>(roster(OPEN));
        history.add(posted(MESSAGE, MEMBER));
        return history;
    }

    @Test
    void theOwnerAndAdminsPinAMessage() {
        fixture.given(withMessage())
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectEvents(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER));
        fixture.given(withMessage())
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectEvents(new GroupMessagePinnedEvent(GROUP, MESSAGE, ADMIN));
    }

    @Test
    void membersOutsidersAndPlatformModeratorsDoNotPin() {
        for (var actor : List.of(as(MEMBER), as(OUTSIDER), asPlatformModerator(MODERATOR))) {
            fixture.given(withMessage())
                    .when(new PinGroupMessageCommand(GROUP, MESSAGE, actor))
                    .expectNoEvents()
                    .expectException(refusedWith(FORBIDDEN));
        }
        fixture.given(withMessage())
                .andGiven(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER))
                .when(new UnpinGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void pinningAPinnedMessageAgainChangesNothing() {
        fixture.given(withMessage())
                .andGiven(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER))
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletedOrUnknownMessageCannotBePinned() {
        fixture.given(withMessage())
                .andGiven(new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false))
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
        fixture.given(withMessage())
                .when(new PinGroupMessageCommand(GROUP, UUID.randomUUID(), as(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void onlyOneOfTheLatestMessagesCanBePinned() {
        List<Object> history = new ArrayList<>(withMessage());
        for (int i = 0; i < RecentMessages.CAPACITY; i++) {
            history.add(posted(UUID.randomUUID(), OWNER));
        }
        fixture.given(history)
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void atMostFiftyMessagesArePinnedAtOnce() {
        List<Object> history = new ArrayList<>(roster(OPEN));
        List<UUID> pinned = new ArrayList<>();
        for (int i = 0; i < MessageRules.MAX_PINS; i++) {
            UUID messageId = UUID.randomUUID();
            history.add(posted(messageId, MEMBER));
            history.add(new GroupMessagePinnedEvent(GROUP, messageId, OWNER));
            pinned.add(messageId);
        }
        history.add(posted(MESSAGE, MEMBER));
        fixture.given(history)
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(PIN_LIMIT_REACHED));
        fixture.given(history)
                .andGiven(new GroupMessageUnpinnedEvent(GROUP, pinned.get(0), ADMIN))
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectEvents(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER));
    }

    @Test
    void theOwnerAndAdminsUnpinAndUnpinningAMessageNotPinnedChangesNothing() {
        fixture.given(withMessage())
                .andGiven(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER))
                .when(new UnpinGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectEvents(new GroupMessageUnpinnedEvent(GROUP, MESSAGE, ADMIN));
        fixture.given(withMessage())
                .when(new UnpinGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deletingAPinnedMessageUnpinsIt() {
        fixture.given(withMessage())
                .andGiven(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectEvents(
                        new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false),
                        new GroupMessageUnpinnedEvent(GROUP, MESSAGE, MEMBER));
        fixture.given(withMessage())
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false));
    }

    @Test
    void aPinnedMessageStaysPinnedWhenItGrowsOldAndItsDeletionStillUnpinsIt() {
        List<Object> history = new ArrayList<>(withMessage());
        history.add(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER));
        for (int i = 0; i < RecentMessages.CAPACITY; i++) {
            history.add(posted(UUID.randomUUID(), OWNER));
        }
        fixture.given(history)
                .when(new PinGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectNoEvents();
        fixture.given(history)
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectEvents(
                        new GroupMessageDeletedEvent(GROUP, MESSAGE, ADMIN, false),
                        new GroupMessageUnpinnedEvent(GROUP, MESSAGE, ADMIN));
    }

    @Test
    void anArchivedGroupKeepsItsPins() {
        fixture.given(withMessage())
                .andGiven(
                        new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER), new GroupArchivedEvent(GROUP, OWNER, false))
                .when(new UnpinGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(GROUP_ARCHIVED));
    }

    @Test
    void pinsLiveThroughASnapshot() {
        fixture.given(withMessage())
                .andGiven(new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER))
                .when(new UnpinGroupMessageCommand(GROUP, UUID.randomUUID(), as(OWNER)))
                .expectState(group -> assertThat(Snapshots.restored(group))
                        .usingRecursiveComparison()
                        .isEqualTo(group));
    }
}
