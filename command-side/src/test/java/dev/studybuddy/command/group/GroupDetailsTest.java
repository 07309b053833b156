package dev.studybuddy.command.group;

import static dev.studybuddy.api.error.ErrorCode.FORBIDDEN;
import static dev.studybuddy.api.error.ErrorCode.GROUP_ARCHIVED;
import static dev.studybuddy.api.error.ErrorCode.RULE_VIOLATED;
import static dev.studybuddy.api.group.JoinPolicy.APPROVAL;
import static dev.studybuddy.api.group.JoinPolicy.OPEN;
import static dev.studybuddy.command.group.GroupHistory.ADMIN;
import static dev.studybuddy.command.group.GroupHistory.DESCRIPTION;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.MEMBER;
import static dev.studybuddy.command.group.GroupHistory.MODERATOR;
import static dev.studybuddy.command.group.GroupHistory.NAME;
import static dev.studybuddy.command.group.GroupHistory.OUTSIDER;
import static dev.studybuddy.command.group.GroupHistory.OWNER;
import static dev.studybuddy.command.group.GroupHistory.as;
import static dev.studybuddy.command.group.GroupHistory.asPlatformModerator;
import static dev.studybuddy.command.group.GroupHistory.roster;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.ApproveJoinRequestCommand;
import dev.studybuddy.api.group.ArchiveGroupCommand;
import dev.studybuddy.api.group.BanFromGroupCommand;
import dev.studybuddy.api.group.ChangeGroupDetailsCommand;
import dev.studybuddy.api.group.ChangeMemberRoleCommand;
import dev.studybuddy.api.group.CreateGroupCommand;
import dev.studybuddy.api.group.DeclineInvitationCommand;
import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupUnarchivedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.JoinGroupCommand;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.LeaveGroupCommand;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.RejectJoinRequestCommand;
import dev.studybuddy.api.group.RemoveMemberCommand;
import dev.studybuddy.api.group.TransferOwnershipCommand;
import dev.studybuddy.api.group.UnarchiveGroupCommand;
import dev.studybuddy.api.group.UnbanFromGroupCommand;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating a group, its details, and archiving. */
class GroupDetailsTest {

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = GroupHistory.fixture();
    }

    private static ChangeGroupDetailsCommand changeName(String name, Actor actor) {
        return new ChangeGroupDetailsCommand(GROUP, actor, name, null, null, null, null);
    }

    private static ChangeGroupDetailsCommand changeCapacity(int capacity) {
        return new ChangeGroupDetailsCommand(GROUP, as(OWNER), null, null, null, null, capacity);
    }

    private static GroupDetailsChangedEvent renamed(String name, UUID by, boolean moderation) {
        return new GroupDetailsChangedEvent(GROUP, name, DESCRIPTION, GroupVisibility.PUBLIC, OPEN, 50, by, moderation);
    }

    private static List<Object> archived() {
        return List.of(new GroupArchivedEvent(GROUP, OWNER, false));
    }

    @Test
    void nameMustBeThreeToEightyCharacters() {
        assertThatThrownBy(() -> new CreateGroupCommand(GROUP, OWNER, "ab", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreateGroupCommand(GROUP, OWNER, "   ab   ", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreateGroupCommand(GROUP, OWNER, "n".repeat(81), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeGroupDetailsCommand(GROUP, as(OWNER), "ab", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new ChangeGroupDetailsCommand(GROUP, as(OWNER), "n".repeat(81), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CreateGroupCommand(GROUP, OWNER, "abc", null, null, null, null).name())
                .isEqualTo("abc");
        assertThat(new CreateGroupCommand(GROUP, OWNER, "n".repeat(80), null, null, null, null).name())
                .hasSize(80);
        assertThat(new CreateGroupCommand(GROUP, OWNER, "  Physics  ", null, null, null, null).name())
                .isEqualTo("Physics");
    }

    @Test
    void descriptionIsAtMostTwoThousandCharacters() {
        assertThatThrownBy(() -> new CreateGroupCommand(GROUP, OWNER, NAME, "d".repeat(2_001), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new ChangeGroupDetailsCommand(GROUP, as(OWNER), null, "d".repeat(2_001), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CreateGroupCommand(GROUP, OWNER, NAME, "d".repeat(2_000), null, null, null).description())
                .hasSize(2_000);
        assertThat(new CreateGroupCommand(GROUP, OWNER, NAME, null, null, null, null).description())
                .isEmpty();
    }

    @Test
    void capacityIsTwoToOneThousandAndFiftyByDefault() {
        assertThatThrownBy(() -> new CreateGroupCommand(GROUP, OWNER, NAME, null, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreateGroupCommand(GROUP, OWNER, NAME, null, null, null, 1_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeGroupDetailsCommand(GROUP, as(OWNER), null, null, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeGroupDetailsCommand(GROUP, as(OWNER), null, null, null, null, 1_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CreateGroupCommand(GROUP, OWNER, NAME, null, null, null, 2).capacity())
                .isEqualTo(2);
        assertThat(new CreateGroupCommand(GROUP, OWNER, NAME, null, null, null, 1_000).capacity())
                .isEqualTo(1_000);
        assertThat(new CreateGroupCommand(GROUP, OWNER, NAME, null, null, null, null).capacity())
                .isEqualTo(50);
    }

    @Test
    void theCreatorIsTheOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupCommand(GROUP, OWNER, NAME, DESCRIPTION, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new GroupCreatedEvent(GROUP, OWNER, NAME, DESCRIPTION, GroupVisibility.PUBLIC, OPEN, 50),
                        new MemberJoinedEvent(GROUP, OWNER, GroupRole.OWNER, JoinRoute.CREATED));
    }

    @Test
    void ownerAndAdminsChangeDetailsButMembersDoNot() {
        fixture.given(roster(OPEN))
                .when(changeName("Calculus", as(OWNER)))
                .expectEvents(renamed("Calculus", OWNER, false));
        fixture.given(roster(OPEN))
                .when(changeName("Calculus", as(ADMIN)))
                .expectEvents(renamed("Calculus", ADMIN, false));
        fixture.given(roster(OPEN))
                .when(changeName("Calculus", as(MEMBER)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .when(changeName("Calculus", as(OUTSIDER)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void detailsNotGivenStayAsTheyAre() {
        fixture.given(roster(OPEN))
                .when(new ChangeGroupDetailsCommand(
                        GROUP, as(OWNER), null, null, GroupVisibility.PRIVATE, APPROVAL, null))
                .expectEvents(new GroupDetailsChangedEvent(
                        GROUP, NAME, DESCRIPTION, GroupVisibility.PRIVATE, APPROVAL, 50, OWNER, false));
    }

    @Test
    void unchangedDetailsRecordNothing() {
        fixture.given(roster(OPEN))
                .when(new ChangeGroupDetailsCommand(
                        GROUP, as(OWNER), NAME, DESCRIPTION, GroupVisibility.PUBLIC, OPEN, 50))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(roster(OPEN))
                .when(new ChangeGroupDetailsCommand(GROUP, as(OWNER), null, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void capacityCannotBeLoweredBelowTheMemberCount() {
        fixture.given(roster(OPEN))
                .when(changeCapacity(2))
                .expectNoEvents()
                .expectException(refusedWith(RULE_VIOLATED));
        fixture.given(roster(OPEN))
                .when(changeCapacity(3))
                .expectEvents(new GroupDetailsChangedEvent(
                        GROUP, NAME, DESCRIPTION, GroupVisibility.PUBLIC, OPEN, 3, OWNER, false));
    }

    @Test
    void onlyTheOwnerArchives() {
        fixture.given(roster(OPEN))
                .when(new ArchiveGroupCommand(GROUP, as(OWNER)))
                .expectEvents(new GroupArchivedEvent(GROUP, OWNER, false));
        fixture.given(roster(OPEN))
                .when(new ArchiveGroupCommand(GROUP, as(ADMIN)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .when(new ArchiveGroupCommand(GROUP, as(MEMBER)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
    }

    @Test
    void archivedGroupRefusesEveryChange() {
        List<Object> commands = List.of(
                changeName("Calculus", as(OWNER)),
                new TransferOwnershipCommand(GROUP, as(OWNER), ADMIN),
                new JoinGroupCommand(GROUP, OUTSIDER),
                new LeaveGroupCommand(GROUP, MEMBER),
                new InviteToGroupCommand(GROUP, as(OWNER), OUTSIDER),
                new AcceptInvitationCommand(GROUP, OUTSIDER),
                new DeclineInvitationCommand(GROUP, OUTSIDER),
                new ApproveJoinRequestCommand(GROUP, as(OWNER), OUTSIDER),
                new RejectJoinRequestCommand(GROUP, as(OWNER), OUTSIDER),
                new ChangeMemberRoleCommand(GROUP, as(OWNER), MEMBER, GroupRole.ADMIN),
                new RemoveMemberCommand(GROUP, as(OWNER), MEMBER),
                new BanFromGroupCommand(GROUP, as(OWNER), MEMBER),
                new UnbanFromGroupCommand(GROUP, as(OWNER), OUTSIDER),
                new RemoveMemberCommand(GROUP, asPlatformModerator(MODERATOR), MEMBER));
        for (Object command : commands) {
            fixture.given(roster(OPEN))
                    .andGiven(new InvitationSentEvent(GROUP, OUTSIDER, OWNER), new JoinRequestedEvent(GROUP, OUTSIDER))
                    .andGiven(archived())
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusedWith(GROUP_ARCHIVED));
        }
    }

    @Test
    void archivedGroupIsUnarchivedByItsOwnerOnly() {
        fixture.given(roster(OPEN))
                .andGiven(archived())
                .when(new UnarchiveGroupCommand(GROUP, as(OWNER)))
                .expectEvents(new GroupUnarchivedEvent(GROUP, OWNER));
        fixture.given(roster(OPEN))
                .andGiven(archived())
                .when(new UnarchiveGroupCommand(GROUP, as(ADMIN)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .andGiven(archived())
                .when(new UnarchiveGroupCommand(GROUP, asPlatformModerator(MODERATOR)))
                .expectNoEvents()
                .expectException(refusedWith(FORBIDDEN));
        fixture.given(roster(OPEN))
                .andGiven(archived(), new GroupUnarchivedEvent(GROUP, OWNER))
                .when(changeName("Calculus", as(OWNER)))
                .expectEvents(renamed("Calculus", OWNER, false));
    }

    @Test
    void unarchivingAGroupThatIsNotArchivedRecordsNothing() {
        fixture.given(roster(OPEN))
                .when(new UnarchiveGroupCommand(GROUP, as(OWNER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
