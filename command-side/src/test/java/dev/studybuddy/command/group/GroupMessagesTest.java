package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.EDIT_WINDOW_CLOSED;
import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.GROUP_ARCHIVED;
import static dev.studybuddy.api.error.ErrorCode.NOT_A_MEMBER;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.group.DeleteGroupMessageCommand;
import dev.studybuddy.api.group.EditGroupMessageCommand;
import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.PostGroupMessageCommand;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.RecentMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group messages: who posts, edits and deletes, and what a message may say. */
class GroupMessagesTest {

    private static final UUID MESSAGE = UUID.randomUUID();

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
        fixture.registerInjectableResource(new EditWindow(Duration.ofMinutes(15)));
    }

    private static GroupMessagePostedEvent postedBy(UUID author) {
        return new GroupMessagePostedEvent(GROUP, MESSAGE, author, "Who has the notes?", null, List.of(), List.of());
    }

    @Test
    void membersPostAndTheMessageTakesTheStreamsNextSequence() {
        fixture.given(roster(OPEN))
                .when(new PostGroupMessageCommand(
                        GROUP, MESSAGE, MEMBER, "  Who has the notes?  ", null, List.of(), List.of()))
                .expectEvents(postedBy(MEMBER))
                .expectResultMessagePayload(5L);
    }

    @Test
    void nonMembersCannotPost() {
        fixture.given(roster(OPEN))
                .when(new PostGroupMessageCommand(GROUP, MESSAGE, OUTSIDER, "hello", null, List.of(), List.of()))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void anArchivedGroupTakesNoMessages() {
        fixture.given(roster(OPEN))
                .andGiven(new GroupArchivedEvent(GROUP, OWNER, false))
                .when(new PostGroupMessageCommand(GROUP, MESSAGE, MEMBER, "hello", null, List.of(), List.of()))
                .expectException(refusedWith(GROUP_ARCHIVED));
    }

    @Test
    void bodyIsOneToFourThousandCharactersAfterTrimming() {
        assertThatThrownBy(() -> new PostGroupMessageCommand(GROUP, MESSAGE, MEMBER, "   ", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new PostGroupMessageCommand(GROUP, MESSAGE, MEMBER, "x".repeat(4001), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PostGroupMessageCommand(
                        GROUP,
                        MESSAGE,
                        MEMBER,
                        "ok",
                        null,
                        null,
                        java.util.stream.Stream.generate(UUID::randomUUID)
                                .limit(11)
                                .toList()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplyAnswersAMessageOfTheSameGroup() {
        UUID reply = UUID.randomUUID();
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .when(new PostGroupMessageCommand(GROUP, reply, OWNER, "I do", MESSAGE, List.of(), List.of()))
                .expectEvents(new GroupMessagePostedEvent(GROUP, reply, OWNER, "I do", MESSAGE, List.of(), List.of()));
        fixture.given(roster(OPEN))
                .when(new PostGroupMessageCommand(GROUP, reply, OWNER, "I do", UUID.randomUUID(), List.of(), List.of()))
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void aReplyDoesNotAnswerADeletedMessage() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER), new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false))
                .when(new PostGroupMessageCommand(
                        GROUP, UUID.randomUUID(), OWNER, "I do", MESSAGE, List.of(), List.of()))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void mentionsKeepOnlyOtherMembers() {
        fixture.given(roster(OPEN))
                .when(new PostGroupMessageCommand(
                        GROUP,
                        MESSAGE,
                        MEMBER,
                        "@owner @admin @outsider @me",
                        null,
                        List.of(OWNER, ADMIN, OUTSIDER, MEMBER),
                        List.of()))
                .expectEvents(new GroupMessagePostedEvent(
                        GROUP, MESSAGE, MEMBER, "@owner @admin @outsider @me", null, List.of(OWNER, ADMIN), List.of()));
    }

    @Test
    void theAuthorEditsWithinTheWindow() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGivenCurrentTime(Instant.now().plus(Duration.ofMinutes(14)))
                .when(new EditGroupMessageCommand(GROUP, MESSAGE, MEMBER, "Who has Monday's notes?"))
                .expectEvents(new GroupMessageEditedEvent(GROUP, MESSAGE, "Who has Monday's notes?"));
    }

    @Test
    void editingAfterTheWindowIsRefused() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGivenCurrentTime(Instant.now().plus(Duration.ofMinutes(16)))
                .when(new EditGroupMessageCommand(GROUP, MESSAGE, MEMBER, "too late"))
                .expectNoEvents()
                .expectException(refusedWith(EDIT_WINDOW_CLOSED));
    }

    @Test
    void onlyTheAuthorEdits() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .when(new EditGroupMessageCommand(GROUP, MESSAGE, OWNER, "owner's words"))
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void anAuthorWhoLeftNoLongerEdits() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER), new MemberLeftEvent(GROUP, MEMBER))
                .when(new EditGroupMessageCommand(GROUP, MESSAGE, MEMBER, "after leaving"))
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void anAuthorWhoLeftOrWasBannedNoLongerDeletes() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER), new MemberLeftEvent(GROUP, MEMBER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER), new MemberLeftEvent(GROUP, MEMBER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, ADMIN, false));
    }

    @Test
    void theAuthorDeletesAnyTime() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGivenCurrentTime(Instant.now().plus(Duration.ofDays(30)))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false));
    }

    @Test
    void ownersAndAdminsDeleteAnyMessageAndPlatformModeratorsDoSoAsModeration() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, ADMIN, false));
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, asPlatformModerator(MODERATOR)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, MODERATOR, true));
    }

    @Test
    void plainMembersDoNotDeleteOthersMessages() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(OWNER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void aDeletedMessageStaysDeletedAndCannotBeEdited() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER), new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER), new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false))
                .when(new EditGroupMessageCommand(GROUP, MESSAGE, MEMBER, "back"))
                .expectException(refusedWith(NOT_FOUND));
    }

    /** An outsider learns nothing of the group's messages: neither which exist, nor whose, nor which were deleted. */
    @Test
    void anOutsiderIsRefusedAsAnOutsiderWhateverTheMessage() {
        for (UUID message : List.of(MESSAGE, UUID.randomUUID())) {
            fixture.given(roster(OPEN))
                    .andGiven(postedBy(MEMBER))
                    .when(new DeleteGroupMessageCommand(GROUP, message, as(OUTSIDER)))
                    .expectException(refusedWith(NOT_A_MEMBER));
            fixture.given(roster(OPEN))
                    .andGiven(postedBy(MEMBER))
                    .when(new EditGroupMessageCommand(GROUP, message, OUTSIDER, "not mine"))
                    .expectException(refusedWith(NOT_A_MEMBER));
        }
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER), new GroupMessageDeletedEvent(GROUP, MESSAGE, MEMBER, false))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(OUTSIDER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void unknownMessagesAreNotFound() {
        fixture.given(roster(OPEN))
                .when(new DeleteGroupMessageCommand(GROUP, UUID.randomUUID(), as(OWNER)))
                .expectException(Matchers.predicate(
                        e -> e instanceof dev.studybuddy.api.error.DomainException d && d.code() == NOT_FOUND));
    }

    /** Enough messages after MESSAGE for the group to forget it. */
    private static List<Object> aThousandMoreBy(UUID author) {
        return Stream.generate(() -> (Object) new GroupMessagePostedEvent(
                        GROUP, UUID.randomUUID(), author, "more", null, List.of(), List.of()))
                .limit(RecentMessages.CAPACITY)
                .toList();
    }

    @Test
    void theLatestThousandMessagesAreEditedDeletedAndAnsweredAsAlways() {
        UUID latest = UUID.randomUUID();
        List<Object> history = Stream.concat(aThousandMoreBy(OWNER).stream(), Stream.of(postedBy(MEMBER)))
                .toList();
        fixture.given(roster(OPEN))
                .andGiven(history)
                .when(new EditGroupMessageCommand(GROUP, MESSAGE, MEMBER, "still mine"))
                .expectEvents(new GroupMessageEditedEvent(GROUP, MESSAGE, "still mine"));
        fixture.given(roster(OPEN))
                .andGiven(history)
                .when(new PostGroupMessageCommand(GROUP, latest, OWNER, "yes", MESSAGE, List.of(), List.of()))
                .expectEvents(new GroupMessagePostedEvent(GROUP, latest, OWNER, "yes", MESSAGE, List.of(), List.of()));
        fixture.given(roster(OPEN))
                .andGiven(history)
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(OWNER)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, OWNER, false));
    }

    @Test
    void aMessageOlderThanTheLatestThousandCanNoLongerBeEdited() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGiven(aThousandMoreBy(OWNER))
                .when(new EditGroupMessageCommand(GROUP, MESSAGE, MEMBER, "within fifteen minutes, but too late"))
                .expectNoEvents()
                .expectException(refusedWith(EDIT_WINDOW_CLOSED));
    }

    @Test
    void aReplyAnswersOneOfTheLatestThousandMessages() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGiven(aThousandMoreBy(OWNER))
                .when(new PostGroupMessageCommand(
                        GROUP, UUID.randomUUID(), OWNER, "to an old one", MESSAGE, List.of(), List.of()))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void onlyOwnersAdminsAndPlatformModeratorsDeleteAMessageOlderThanTheLatestThousand() {
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGiven(aThousandMoreBy(OWNER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(ADMIN)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, ADMIN, false));
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGiven(aThousandMoreBy(OWNER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, asPlatformModerator(MODERATOR)))
                .expectEvents(new GroupMessageDeletedEvent(GROUP, MESSAGE, MODERATOR, true));
        // its author is no longer known: a plain member, even the one who wrote it, is refused
        fixture.given(roster(OPEN))
                .andGiven(postedBy(MEMBER))
                .andGiven(aThousandMoreBy(OWNER))
                .when(new DeleteGroupMessageCommand(GROUP, MESSAGE, as(MEMBER)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void whileNothingIsForgottenAnUnknownMessageIsNotFoundEvenAfterTheWindow() {
        fixture.given(roster(OPEN))
                .andGiven(aThousandMoreBy(OWNER).subList(1, RecentMessages.CAPACITY))
                .andGivenCurrentTime(Instant.now().plus(Duration.ofDays(1)))
                .when(new EditGroupMessageCommand(GROUP, UUID.randomUUID(), OWNER, "never posted"))
                .expectException(refusedWith(NOT_FOUND));
    }
}
