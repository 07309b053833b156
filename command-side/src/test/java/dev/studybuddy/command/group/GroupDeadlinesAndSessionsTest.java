package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.NOT_A_MEMBER;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.RULE_VIOLATED;
import static dev.studybuddy.api.group.JoinPolicy.INVITE_ONLY;
import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.ADMIN;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.INVITATION_LIFETIME;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.OUTSIDER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.as;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static dev.studybuddy.command.support.Refusals.refusedWith;

import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.CancelStudySessionCommand;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.RescheduleStudySessionCommand;
import dev.studybuddy.api.group.ScheduleStudySessionCommand;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invitations that lapse, and study sessions. */
class GroupDeadlinesAndSessionsTest {

    private static final UUID SESSION = UUID.randomUUID();
    private static final Instant TOMORROW =
            Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
    }

    private static StudySessionScheduledEvent scheduledBy(UUID member) {
        return new StudySessionScheduledEvent(GROUP, SESSION, member, "Exam prep", TOMORROW, 90);
    }

    @Test
    void anInvitationSetsItsExpiryDeadline() {
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER))
                .expectEvents(new InvitationSentEvent(GROUP, OUTSIDER, OWNER))
                .expectScheduledDeadlineWithName(INVITATION_LIFETIME, InvitationDeadline.NAME);
    }

    @Test
    void anInvitationExpiresUnansweredAfterItsLifetime() {
        fixture.given(roster(INVITE_ONLY))
                .andGivenCommands(new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER))
                .whenTimeElapses(INVITATION_LIFETIME.plusSeconds(1))
                .expectDeadlinesMet(new InvitationDeadline(OUTSIDER, 1))
                .expectEvents(GroupDecisions.invitationExpires(GROUP, OUTSIDER)
                        .events()
                        .toArray());
    }

    @Test
    void anAnsweredInvitationDoesNotExpire() {
        fixture.given(roster(INVITE_ONLY))
                .andGivenCommands(
                        new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER),
                        new AcceptInvitationCommand(GROUP, OUTSIDER))
                .whenTimeElapses(INVITATION_LIFETIME.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aRenewedInvitationOutlivesTheFirstOnesDeadline() {
        fixture.given(roster(INVITE_ONLY))
                .andGivenCommands(new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER))
                .andGiven(new InvitationDeclinedEvent(GROUP, OUTSIDER))
                .andGivenCommands(new InviteToGroupCommand(GROUP, as(ADMIN), OUTSIDER))
                .whenTimeElapses(INVITATION_LIFETIME.minusDays(1))
                .expectNoEvents();
    }

    @Test
    void anExpiredInvitationNoLongerAdmits() {
        fixture.given(roster(INVITE_ONLY))
                .andGiven(new InvitationSentEvent(GROUP, OUTSIDER, OWNER), new InvitationExpiredEvent(GROUP, OUTSIDER))
                .when(new AcceptInvitationCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(dev.studybuddy.api.error.ErrorCode.NOTHING_PENDING));
    }

    @Test
    void anyMemberSchedulesASessionInTheFuture() {
        fixture.given(roster(OPEN))
                .when(new ScheduleStudySessionCommand(GROUP, SESSION, MEMBER, " Exam prep ", TOMORROW, 90))
                .expectEvents(scheduledBy(MEMBER));
        fixture.given(roster(OPEN))
                .when(new ScheduleStudySessionCommand(GROUP, SESSION, OUTSIDER, "Exam prep", TOMORROW, 90))
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(roster(OPEN))
                .when(new ScheduleStudySessionCommand(
                        GROUP, SESSION, MEMBER, "Exam prep", Instant.now().minusSeconds(60), 90))
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void aSessionStartsWithinAYear() {
        fixture.given(roster(OPEN))
                .when(new ScheduleStudySessionCommand(
                        GROUP, SESSION, MEMBER, "Next term", Instant.now().plus(Duration.ofDays(300)), 90))
                .expectSuccessfulHandlerExecution();
        fixture.given(roster(OPEN))
                .when(new ScheduleStudySessionCommand(
                        GROUP, SESSION, MEMBER, "Far away", Instant.now().plus(Duration.ofDays(400)), 90))
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(roster(OPEN))
                .when(new ScheduleStudySessionCommand(
                        GROUP, SESSION, MEMBER, "Year +999999", Instant.parse("+999999-01-01T00:00:00Z"), 90))
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER))
                .when(new RescheduleStudySessionCommand(
                        GROUP, SESSION, as(MEMBER), null, Instant.now().plus(Duration.ofDays(400)), null))
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void theSchedulerOwnerOrAdminMovesOrCancelsASession() {
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER))
                .when(new RescheduleStudySessionCommand(
                        GROUP, SESSION, as(MEMBER), null, TOMORROW.plusSeconds(3600), null))
                .expectEvents(new StudySessionRescheduledEvent(
                        GROUP, SESSION, "Exam prep", TOMORROW.plusSeconds(3600), 90, MEMBER));
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER))
                .when(new CancelStudySessionCommand(GROUP, SESSION, as(ADMIN)))
                .expectEvents(new StudySessionCancelledEvent(GROUP, SESSION, ADMIN));
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(OWNER))
                .when(new CancelStudySessionCommand(GROUP, SESSION, as(MEMBER)))
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void aSchedulerWhoLeftOrWasBannedNoLongerChangesTheirSession() {
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER), new MemberLeftEvent(GROUP, MEMBER))
                .when(new RescheduleStudySessionCommand(GROUP, SESSION, as(MEMBER), "Moved by a leaver", null, null))
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER), new MemberLeftEvent(GROUP, MEMBER))
                .when(new CancelStudySessionCommand(GROUP, SESSION, as(MEMBER)))
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER), new MemberLeftEvent(GROUP, MEMBER))
                .when(new CancelStudySessionCommand(GROUP, SESSION, as(OWNER)))
                .expectEvents(new StudySessionCancelledEvent(GROUP, SESSION, OWNER));
    }

    @Test
    void aCancelledOrStartedSessionCannotBeChanged() {
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER), new StudySessionCancelledEvent(GROUP, SESSION, MEMBER))
                .when(new CancelStudySessionCommand(GROUP, SESSION, as(MEMBER)))
                .expectException(refusedWith(NOT_FOUND));
        fixture.given(roster(OPEN))
                .andGiven(scheduledBy(MEMBER))
                .andGivenCurrentTime(TOMORROW.plusSeconds(60))
                .when(new RescheduleStudySessionCommand(GROUP, SESSION, as(MEMBER), "Late", null, null))
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void membersJoinedByInvitationKeepTheirSeatPastTheDeadline() {
        fixture.given(roster(INVITE_ONLY))
                .andGivenCommands(
                        new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER),
                        new AcceptInvitationCommand(GROUP, OUTSIDER))
                .whenTimeElapses(INVITATION_LIFETIME.plusDays(1))
                .expectDeadlinesMet(new InvitationDeadline(OUTSIDER, 1))
                .expectNoEvents();
    }
}
