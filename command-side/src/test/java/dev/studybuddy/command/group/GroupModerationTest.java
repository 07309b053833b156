package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.BANNED_FROM_GROUP;
import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.NOTHING_PENDING;
import static dev.studybuddy.api.error.ErrorCode.NOT_A_MEMBER;
import static dev.studybuddy.api.group.JoinPolicy.APPROVAL;
import static dev.studybuddy.api.group.JoinPolicy.INVITE_ONLY;
import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.ADMIN;
import static dev.studybuddy.command.group.GroupHistory.DESCRIPTION;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.MODERATOR;
import static dev.studybuddy.command.group.GroupHistory.OUTSIDER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.as;
import static dev.studybuddy.command.group.GroupHistory.asPlatformModerator;
import static dev.studybuddy.command.group.GroupHistory.joined;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static dev.studybuddy.command.support.Refusals.refusedWith;

import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.ApproveJoinRequestCommand;
import dev.studybuddy.api.group.ArchiveGroupCommand;
import dev.studybuddy.api.group.BanFromGroupCommand;
import dev.studybuddy.api.group.ChangeGroupDetailsCommand;
import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.JoinGroupCommand;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.LeaveGroupCommand;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.RemoveMemberCommand;
import dev.studybuddy.api.group.UnbanFromGroupCommand;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bans, and what platform moderators may do in any group (always recorded as moderation). */
class GroupModerationTest {

    private static final UUID SECOND_ADMIN = UUID.randomUUID();

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
    }

    private static UserBannedFromGroupEvent outsiderBanned() {
        return new UserBannedFromGroupEvent(GROUP, OUTSIDER, OWNER, false, false);
    }

    private static GroupDetailsChangedEvent renamedBy(UUID actor, boolean moderation) {
        return new GroupDetailsChangedEvent(
                GROUP, "Calculus", DESCRIPTION, GroupVisibility.PUBLIC, OPEN, 50, actor, moderation);
    }

    @Test
    void bannedUserCannotJoinRequestOrBeInvited() {
        fixture.given(roster(OPEN))
                .andGiven(outsiderBanned())
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(BANNED_FROM_GROUP));
        fixture.given(roster(APPROVAL))
                .andGiven(outsiderBanned())
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(BANNED_FROM_GROUP));
        fixture.given(roster(INVITE_ONLY))
                .andGiven(outsiderBanned())
                .when(new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(BANNED_FROM_GROUP));
    }

    @Test
    void banningAMemberRemovesThem() {
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, as(OWNER), MEMBER))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, MEMBER, OWNER, true, false));
        fixture.given(roster(OPEN))
                .andGiven(new UserBannedFromGroupEvent(GROUP, MEMBER, OWNER, true, false))
                .when(new LeaveGroupCommand(GROUP, MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(roster(OPEN, 3))
                .andGiven(new UserBannedFromGroupEvent(GROUP, MEMBER, OWNER, true, false))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectEvents(new MemberJoinedEvent(GROUP, OUTSIDER, GroupRole.MEMBER, JoinRoute.OPEN));
    }

    @Test
    void banningVoidsAPendingJoinRequest() {
        fixture.given(roster(APPROVAL))
                .andGiven(new JoinRequestedEvent(GROUP, OUTSIDER))
                .when(new BanFromGroupCommand(GROUP, as(ADMIN), OUTSIDER))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, OUTSIDER, ADMIN, false, false));
        fixture.given(roster(APPROVAL))
                .andGiven(new JoinRequestedEvent(GROUP, OUTSIDER), outsiderBanned())
                .when(new ApproveJoinRequestCommand(GROUP, as(OWNER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void banningVoidsAnInvitation() {
        fixture.given(roster(INVITE_ONLY))
                .andGiven(new InvitationSentEvent(GROUP, OUTSIDER, OWNER), outsiderBanned())
                .when(new AcceptInvitationCommand(GROUP, OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(NOTHING_PENDING));
    }

    @Test
    void adminBansMembersButNotAdminsAndNobodyBansTheOwner() {
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, as(ADMIN), MEMBER))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, MEMBER, ADMIN, true, false));
        fixture.given(roster(OPEN))
                .andGiven(
                        joined(SECOND_ADMIN),
                        new MemberRoleChangedEvent(GROUP, SECOND_ADMIN, GroupRole.MEMBER, GroupRole.ADMIN, OWNER))
                .when(new BanFromGroupCommand(GROUP, as(ADMIN), SECOND_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, as(OWNER), ADMIN))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, ADMIN, OWNER, true, false));
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, as(ADMIN), OWNER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void memberBansNobody() {
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, as(MEMBER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .andGiven(joined(OUTSIDER))
                .when(new BanFromGroupCommand(GROUP, as(MEMBER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void banningTwiceRecordsNothing() {
        fixture.given(roster(OPEN))
                .andGiven(outsiderBanned())
                .when(new BanFromGroupCommand(GROUP, as(ADMIN), OUTSIDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unbanningLetsTheUserJoinAgain() {
        fixture.given(roster(OPEN))
                .andGiven(outsiderBanned())
                .when(new UnbanFromGroupCommand(GROUP, as(ADMIN), OUTSIDER))
                .expectEvents(new UserUnbannedFromGroupEvent(GROUP, OUTSIDER, ADMIN, false));
        fixture.given(roster(OPEN))
                .andGiven(outsiderBanned(), new UserUnbannedFromGroupEvent(GROUP, OUTSIDER, ADMIN, false))
                .when(new JoinGroupCommand(GROUP, OUTSIDER))
                .expectEvents(new MemberJoinedEvent(GROUP, OUTSIDER, GroupRole.MEMBER, JoinRoute.OPEN));
        fixture.given(roster(OPEN))
                .andGiven(outsiderBanned())
                .when(new UnbanFromGroupCommand(GROUP, as(MEMBER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void platformModeratorRemovesFromAnyGroupAsModeration() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, asPlatformModerator(MODERATOR), MEMBER))
                .expectEvents(new MemberRemovedEvent(GROUP, MEMBER, MODERATOR, true));
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, asPlatformModerator(MODERATOR), ADMIN))
                .expectEvents(new MemberRemovedEvent(GROUP, ADMIN, MODERATOR, true));
        fixture.given(roster(OPEN))
                .andGiven(joined(OUTSIDER))
                .when(new RemoveMemberCommand(GROUP, asPlatformModerator(MEMBER), OUTSIDER))
                .expectEvents(new MemberRemovedEvent(GROUP, OUTSIDER, MEMBER, true));
    }

    @Test
    void platformModeratorBansInAnyGroupAsModeration() {
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, asPlatformModerator(MODERATOR), ADMIN))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, ADMIN, MODERATOR, true, true));
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, asPlatformModerator(MODERATOR), OUTSIDER))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, OUTSIDER, MODERATOR, false, true));
        fixture.given(roster(OPEN))
                .andGiven(outsiderBanned())
                .when(new UnbanFromGroupCommand(GROUP, asPlatformModerator(MODERATOR), OUTSIDER))
                .expectEvents(new UserUnbannedFromGroupEvent(GROUP, OUTSIDER, MODERATOR, true));
    }

    @Test
    void platformModeratorArchivesAnyGroupAsModeration() {
        fixture.given(roster(OPEN))
                .when(new ArchiveGroupCommand(GROUP, asPlatformModerator(MODERATOR)))
                .expectEvents(new GroupArchivedEvent(GROUP, MODERATOR, true));
    }

    @Test
    void platformModeratorChangesDetailsOfAnyGroupAsModeration() {
        fixture.given(roster(OPEN))
                .when(new ChangeGroupDetailsCommand(
                        GROUP, asPlatformModerator(MODERATOR), "Calculus", null, null, null, null))
                .expectEvents(renamedBy(MODERATOR, true));
    }

    @Test
    void platformModeratorNeverRemovesNorBansTheOwner() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, asPlatformModerator(MODERATOR), OWNER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, asPlatformModerator(MODERATOR), OWNER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void groupsOwnOwnerOrAdminWhoIsAlsoAPlatformModeratorDoesNotModerate() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, asPlatformModerator(OWNER), MEMBER))
                .expectEvents(new MemberRemovedEvent(GROUP, MEMBER, OWNER, false));
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, asPlatformModerator(ADMIN), MEMBER))
                .expectEvents(new MemberRemovedEvent(GROUP, MEMBER, ADMIN, false));
        fixture.given(roster(OPEN))
                .when(new BanFromGroupCommand(GROUP, asPlatformModerator(ADMIN), MEMBER))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, MEMBER, ADMIN, true, false));
        fixture.given(roster(OPEN))
                .andGiven(outsiderBanned())
                .when(new UnbanFromGroupCommand(GROUP, asPlatformModerator(OWNER), OUTSIDER))
                .expectEvents(new UserUnbannedFromGroupEvent(GROUP, OUTSIDER, OWNER, false));
        fixture.given(roster(OPEN))
                .when(new ArchiveGroupCommand(GROUP, asPlatformModerator(OWNER)))
                .expectEvents(new GroupArchivedEvent(GROUP, OWNER, false));
        fixture.given(roster(OPEN))
                .when(new ChangeGroupDetailsCommand(
                        GROUP, asPlatformModerator(ADMIN), "Calculus", null, null, null, null))
                .expectEvents(renamedBy(ADMIN, false));
    }

    @Test
    void groupAdminActingBeyondTheirGroupRoleByPlatformRightModerates() {
        MemberRoleChangedEvent memberPromoted =
                new MemberRoleChangedEvent(GROUP, MEMBER, GroupRole.MEMBER, GroupRole.ADMIN, OWNER);
        fixture.given(roster(OPEN))
                .andGiven(memberPromoted)
                .when(new RemoveMemberCommand(GROUP, asPlatformModerator(ADMIN), MEMBER))
                .expectEvents(new MemberRemovedEvent(GROUP, MEMBER, ADMIN, true));
        fixture.given(roster(OPEN))
                .andGiven(memberPromoted)
                .when(new BanFromGroupCommand(GROUP, asPlatformModerator(ADMIN), MEMBER))
                .expectEvents(new UserBannedFromGroupEvent(GROUP, MEMBER, ADMIN, true, true));
        fixture.given(roster(OPEN))
                .when(new ArchiveGroupCommand(GROUP, asPlatformModerator(ADMIN)))
                .expectEvents(new GroupArchivedEvent(GROUP, ADMIN, true));
    }
}
