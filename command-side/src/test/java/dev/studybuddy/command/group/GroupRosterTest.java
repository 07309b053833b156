package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.NOT_FOUND;
import static dev.studybuddy.api.error.ErrorCode.RULE_VIOLATED;
import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.ADMIN;
import static dev.studybuddy.command.group.GroupHistory.DEACTIVATED;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.OUTSIDER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.as;
import static dev.studybuddy.command.group.GroupHistory.joined;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.group.ChangeMemberRoleCommand;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.LeaveGroupCommand;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.RemoveMemberCommand;
import dev.studybuddy.api.group.TransferOwnershipCommand;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles in the group: who removes whom, who changes roles, and how ownership changes hands. */
class GroupRosterTest {

    private static final UUID SECOND_ADMIN = UUID.randomUUID();

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
    }

    private TestExecutor<Group> withSecondAdmin() {
        return fixture.given(roster(OPEN))
                .andGiven(
                        joined(SECOND_ADMIN),
                        new MemberRoleChangedEvent(GROUP, SECOND_ADMIN, GroupRole.MEMBER, GroupRole.ADMIN, OWNER));
    }

    private static OwnershipTransferredEvent ownershipToMember() {
        return new OwnershipTransferredEvent(GROUP, OWNER, MEMBER);
    }

    @Test
    void adminRemovesMembersButNotAdmins() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(ADMIN), MEMBER))
                .expectEvents(new MemberRemovedEvent(GROUP, MEMBER, ADMIN, false));
        withSecondAdmin()
                .when(new RemoveMemberCommand(GROUP, as(ADMIN), SECOND_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void ownerRemovesAdminsAndMembers() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(OWNER), ADMIN))
                .expectEvents(new MemberRemovedEvent(GROUP, ADMIN, OWNER, false));
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(OWNER), MEMBER))
                .expectEvents(new MemberRemovedEvent(GROUP, MEMBER, OWNER, false));
    }

    @Test
    void memberRemovesNobody() {
        fixture.given(roster(OPEN))
                .andGiven(joined(OUTSIDER))
                .when(new RemoveMemberCommand(GROUP, as(MEMBER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(OUTSIDER), MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void nobodyRemovesTheOwner() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(ADMIN), OWNER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(OWNER), OWNER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void removingOneselfIsRefusedInFavourOfLeaving() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(ADMIN), ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(MEMBER), MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsNotFound() {
        fixture.given(roster(OPEN))
                .when(new RemoveMemberCommand(GROUP, as(OWNER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void ownerChangesRoles() {
        fixture.given(roster(OPEN))
                .when(new ChangeMemberRoleCommand(GROUP, as(OWNER), MEMBER, GroupRole.ADMIN))
                .expectEvents(new MemberRoleChangedEvent(GROUP, MEMBER, GroupRole.MEMBER, GroupRole.ADMIN, OWNER));
        fixture.given(roster(OPEN))
                .when(new ChangeMemberRoleCommand(GROUP, as(OWNER), ADMIN, GroupRole.MEMBER))
                .expectEvents(new MemberRoleChangedEvent(GROUP, ADMIN, GroupRole.ADMIN, GroupRole.MEMBER, OWNER));
    }

    @Test
    void adminCannotChangeRoles() {
        fixture.given(roster(OPEN))
                .when(new ChangeMemberRoleCommand(GROUP, as(ADMIN), MEMBER, GroupRole.ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        withSecondAdmin()
                .when(new ChangeMemberRoleCommand(GROUP, as(ADMIN), SECOND_ADMIN, GroupRole.MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void ownershipChangesOnlyByTransferNeverByRoleChange() {
        assertThatThrownBy(() -> new ChangeMemberRoleCommand(GROUP, as(OWNER), MEMBER, GroupRole.OWNER))
                .isInstanceOf(IllegalArgumentException.class);
        fixture.given(roster(OPEN))
                .when(new ChangeMemberRoleCommand(GROUP, as(OWNER), OWNER, GroupRole.ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void changingToTheSameRoleRecordsNothing() {
        fixture.given(roster(OPEN))
                .when(new ChangeMemberRoleCommand(GROUP, as(OWNER), ADMIN, GroupRole.ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ownerLeavesOnlyAfterTransferringOwnership() {
        fixture.given(roster(OPEN))
                .when(new LeaveGroupCommand(GROUP, OWNER))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(roster(OPEN))
                .andGiven(ownershipToMember())
                .when(new LeaveGroupCommand(GROUP, OWNER))
                .expectEvents(new MemberLeftEvent(GROUP, OWNER));
        fixture.given(roster(OPEN))
                .andGiven(ownershipToMember())
                .when(new LeaveGroupCommand(GROUP, MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void ownershipIsTransferredOnlyToAnotherMember() {
        fixture.given(roster(OPEN))
                .when(new TransferOwnershipCommand(GROUP, as(OWNER), MEMBER))
                .expectEvents(new OwnershipTransferredEvent(GROUP, OWNER, MEMBER));
        fixture.given(roster(OPEN))
                .when(new TransferOwnershipCommand(GROUP, as(OWNER), OUTSIDER))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(roster(OPEN))
                .when(new TransferOwnershipCommand(GROUP, as(OWNER), OWNER))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void ownershipIsNotTransferredToAClosedAccount() {
        fixture.given(roster(OPEN))
                .andGiven(joined(DEACTIVATED))
                .when(new TransferOwnershipCommand(GROUP, as(OWNER), DEACTIVATED))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
    }

    @Test
    void onlyTheOwnerTransfersOwnership() {
        fixture.given(roster(OPEN))
                .when(new TransferOwnershipCommand(GROUP, as(ADMIN), MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void previousOwnerBecomesAnAdmin() {
        fixture.given(roster(OPEN))
                .andGiven(ownershipToMember())
                .when(new ChangeMemberRoleCommand(GROUP, as(MEMBER), OWNER, GroupRole.MEMBER))
                .expectEvents(new MemberRoleChangedEvent(GROUP, OWNER, GroupRole.ADMIN, GroupRole.MEMBER, MEMBER));
        fixture.given(roster(OPEN))
                .andGiven(ownershipToMember())
                .when(new ChangeMemberRoleCommand(GROUP, as(OWNER), ADMIN, GroupRole.MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .andGiven(joined(OUTSIDER), ownershipToMember())
                .when(new RemoveMemberCommand(GROUP, as(OWNER), OUTSIDER))
                .expectEvents(new MemberRemovedEvent(GROUP, OUTSIDER, OWNER, false));
        fixture.given(roster(OPEN))
                .andGiven(ownershipToMember())
                .when(new RemoveMemberCommand(GROUP, as(OWNER), MEMBER))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .andGiven(ownershipToMember())
                .when(new RemoveMemberCommand(GROUP, as(OWNER), ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }
}
