package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.ALREADY_MEMBER;
import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.GROUP_FULL;
import static dev.studybuddy.api.error.ErrorCode.INVITATION_REQUIRED;
import static dev.studybuddy.api.error.ErrorCode.NOTHING_PENDING;
import static dev.studybuddy.api.error.ErrorCode.NOT_A_MEMBER;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.REQUEST_ALREADY_PENDING;
import static dev.studybuddy.api.group.JoinPolicy.APPROVAL;
import static dev.studybuddy.api.group.JoinPolicy.INVITE_ONLY;
import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.ADMIN;
import static dev.studybuddy.command.group.GroupHistory.DEACTIVATED;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.MODERATOR;
import static dev.studybuddy.command.group.GroupHistory.OUTSIDER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.UNKNOWN;
import static dev.studybuddy.command.group.GroupHistory.as;
import static dev.studybuddy.command.group.GroupHistory.asPlatformModerator;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static dev.studybuddy.command.support.Refusals.refusedWith;

import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.ApproveJoinRequestCommand;
import dev.studybuddy.api.group.DeclineInvitationCommand;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.InvitationAcceptedEvent;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.JoinGroupCommand;
import dev.studybuddy.api.group.JoinOutcome;
import dev.studybuddy.api.group.JoinRequestApprovedEvent;
import dev.studybuddy.api.group.JoinRequestRejectedEvent;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.LeaveGroupCommand;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.RejectJoinRequestCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How users get in and out: join policies, requests, invitations, capacity, leaving. */
class GroupJoiningTest {

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
    }

    private static JoinRequestedEvent outsiderAsked() {
        return new JoinRequestedEvent(GROUP, OUTSIDER);
    }

    private static InvitationSentEvent outsiderInvited() {
        return new InvitationSentEvent(GROUP, OUTSIDER, OWNER);
    }

    private static MemberJoinedEvent outsiderJoinedBy(JoinRoute route) {
        return new MemberJoinedEvent(GROUP, OUTSIDER, GroupRole.MEMBER, route);
    }

    @Test
    void openGroupAdmitsAtOnce() {
        fixture.given(roster(OPEN))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectResultMessagePayload(JoinOutcome.JOINED)
                .expectEvents(outsiderJoinedBy(JoinRoute.OPEN));
    }

    @Test
    void openGroupIsNeverJoinedBeyondItsCapacity() {
        fixture.given(roster(OPEN, 3))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(GROUP_FULL));
        fixture.given(roster(OPEN, 4))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectEvents(outsiderJoinedBy(JoinRoute.OPEN));
    }

    @Test
    void approvalGroupFilesAJoinRequest() {
        fixture.given(roster(APPROVAL))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectResultMessagePayload(JoinOutcome.REQUESTED)
                .expectEvents(new JoinRequestedEvent(GROUP, OUTSIDER));
    }

    @Test
    void aSecondJoinRequestIsAlreadyPending() {
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked())
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(REQUEST_ALREADY_PENDING));
    }

    @Test
    void ownerOrAdminApprovesAJoinRequest() {
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked())
                .when(new ApproveJoinRequestCommand(GROUP, as(OWNER), OUTSIDER))
                .expectEvents(
                        new JoinRequestApprovedEvent(GROUP, OUTSIDER, OWNER), outsiderJoinedBy(JoinRoute.APPROVAL));
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked())
                .when(new ApproveJoinRequestCommand(GROUP, as(ADMIN), OUTSIDER))
                .expectEvents(
                        new JoinRequestApprovedEvent(GROUP, OUTSIDER, ADMIN), outsiderJoinedBy(JoinRoute.APPROVAL));
    }

    @Test
    void ownerOrAdminRejectsAJoinRequest() {
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked())
                .when(new RejectJoinRequestCommand(GROUP, as(OWNER), OUTSIDER))
                .expectEvents(new JoinRequestRejectedEvent(GROUP, OUTSIDER, OWNER));
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked())
                .when(new RejectJoinRequestCommand(GROUP, as(ADMIN), OUTSIDER))
                .expectEvents(new JoinRequestRejectedEvent(GROUP, OUTSIDER, ADMIN));
    }

    @Test
    void memberCannotApproveOrRejectJoinRequests() {
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked())
                .when(new ApproveJoinRequestCommand(GROUP, as(MEMBER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked())
                .when(new RejectJoinRequestCommand(GROUP, as(MEMBER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void answeringAJoinRequestThatIsNotPendingFindsNothingPending() {
        fixture.given(roster(APPROVAL))
                .when(new ApproveJoinRequestCommand(GROUP, as(OWNER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderAsked(), new JoinRequestRejectedEvent(GROUP, OUTSIDER, OWNER))
                .when(new RejectJoinRequestCommand(GROUP, as(OWNER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void approvalIsRefusedWhenTheGroupIsFull() {
        fixture.given(roster(APPROVAL, 3))
                .andGiven(outsiderAsked())
                .when(new ApproveJoinRequestCommand(GROUP, as(OWNER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(GROUP_FULL));
    }

    @Test
    void inviteOnlyGroupAdmitsOnlyByInvitation() {
        fixture.given(roster(INVITE_ONLY))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(INVITATION_REQUIRED));
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited())
                .when(new AcceptInvitationCommand(GROUP, OUTSIDER))
                .expectEvents(new InvitationAcceptedEvent(GROUP, OUTSIDER), outsiderJoinedBy(JoinRoute.INVITATION));
    }

    @Test
    void onlyOwnerAndAdminsInvite() {
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER))
                .expectEvents(new InvitationSentEvent(GROUP, OUTSIDER, OWNER));
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, as(ADMIN), OUTSIDER))
                .expectEvents(new InvitationSentEvent(GROUP, OUTSIDER, ADMIN));
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, as(MEMBER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, asPlatformModerator(MODERATOR), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void invitingAgainRecordsNothing() {
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited())
                .when(new InviteToGroupCommand(GROUP, as(ADMIN), OUTSIDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyExistingOpenAccountsAreInvited() {
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, as(OWNER), UNKNOWN))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, as(OWNER), DEACTIVATED))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void onlyTheInviteeAcceptsAnInvitation() {
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited())
                .when(new AcceptInvitationCommand(GROUP, OUTSIDER))
                .expectEvents(new InvitationAcceptedEvent(GROUP, OUTSIDER), outsiderJoinedBy(JoinRoute.INVITATION));
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited())
                .when(new AcceptInvitationCommand(GROUP, MODERATOR))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void onlyTheInviteeDeclinesAnInvitation() {
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited())
                .when(new DeclineInvitationCommand(GROUP, OUTSIDER))
                .expectEvents(new InvitationDeclinedEvent(GROUP, OUTSIDER));
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited())
                .when(new DeclineInvitationCommand(GROUP, MODERATOR))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited(), new InvitationDeclinedEvent(GROUP, OUTSIDER))
                .when(new AcceptInvitationCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void acceptingAnInvitationIsRefusedWhenTheGroupIsFull() {
        fixture.given(roster(INVITE_ONLY, 3))
                .andGiven(outsiderInvited())
                .when(new AcceptInvitationCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(GROUP_FULL));
        fixture.given(roster(OPEN, 3))
                .andGiven(outsiderInvited())
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(GROUP_FULL));
    }

    @Test
    void invitedUserJoiningAcceptsTheInvitation() {
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderInvited())
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectResultMessagePayload(JoinOutcome.JOINED)
                .expectEvents(new InvitationAcceptedEvent(GROUP, OUTSIDER), outsiderJoinedBy(JoinRoute.INVITATION));
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderInvited())
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectResultMessagePayload(JoinOutcome.JOINED)
                .expectEvents(new InvitationAcceptedEvent(GROUP, OUTSIDER), outsiderJoinedBy(JoinRoute.INVITATION));
    }

    @Test
    void memberCannotJoinAgainNorBeInvited() {
        fixture.given(roster(OPEN))
                .when(new JoinGroupCommand(GROUP, MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_MEMBER));
        fixture.given(roster(APPROVAL))
                .when(new JoinGroupCommand(GROUP, ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_MEMBER));
        fixture.given(roster(INVITE_ONLY))
                .when(new InviteToGroupCommand(GROUP, as(OWNER), MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_MEMBER));
    }

    @Test
    void memberLeaves() {
        fixture.given(roster(OPEN))
                .when(new LeaveGroupCommand(GROUP, MEMBER))
                .expectEvents(new MemberLeftEvent(GROUP, MEMBER));
        fixture.given(roster(OPEN))
                .when(new LeaveGroupCommand(GROUP, ADMIN))
                .expectEvents(new MemberLeftEvent(GROUP, ADMIN));
    }

    @Test
    void nonMemberCannotLeave() {
        fixture.given(roster(OPEN))
                .when(new LeaveGroupCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(roster(OPEN))
                .andGiven(new MemberLeftEvent(GROUP, MEMBER))
                .when(new LeaveGroupCommand(GROUP, MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void aLeavingMemberFreesTheirSeat() {
        fixture.given(roster(OPEN, 3))
                .andGiven(new MemberLeftEvent(GROUP, MEMBER))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectEvents(outsiderJoinedBy(JoinRoute.OPEN));
    }
}
