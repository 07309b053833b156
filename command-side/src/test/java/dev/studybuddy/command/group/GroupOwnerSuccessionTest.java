package dev.studybuddy.command.group;

import static dev.studybuddy.command.group.GroupHistory.DESCRIPTION;
import static dev.studybuddy.command.group.GroupHistory.GROUP;
import static dev.studybuddy.command.group.GroupHistory.INVITATION_LIFETIME;
import static dev.studybuddy.command.group.GroupHistory.NAME;

import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.HandOverOwnershipCommand;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.command.user.TestUserDirectory;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A closed owner's group passes to the first open ADMIN in order of joining, else the first open MEMBER (ADR 0027). */
class GroupOwnerSuccessionTest {

    private static final UUID CLOSED_OWNER = UUID.randomUUID();
    private static final UUID CLOSED_ADMIN = UUID.randomUUID();
    private static final UUID CLOSED_MEMBER = UUID.randomUUID();
    private static final UUID FIRST_ADMIN = UUID.randomUUID();
    private static final UUID SECOND_ADMIN = UUID.randomUUID();
    private static final UUID FIRST_MEMBER = UUID.randomUUID();
    private static final UUID SECOND_MEMBER = UUID.randomUUID();
    private static final UUID OPEN_OWNER = UUID.randomUUID();

    private AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Group.class);
        fixture.registerInjectableResource(new TestUserDirectory()
                .active(FIRST_ADMIN, SECOND_ADMIN, FIRST_MEMBER, SECOND_MEMBER, OPEN_OWNER)
                .deactivated(CLOSED_OWNER, CLOSED_ADMIN, CLOSED_MEMBER)
                .directory());
        fixture.registerInjectableResource(new GroupSettings(INVITATION_LIFETIME));
    }

    /** The group of {@code owner}, joined by {@code members} in this order; those named admins are made ADMIN. */
    private static List<Object> ownedBy(UUID owner, List<UUID> members, List<UUID> admins) {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(
                GroupDecisions.create(GROUP, owner, NAME, DESCRIPTION, GroupVisibility.PUBLIC, JoinPolicy.OPEN, 50));
        members.forEach(member -> decisions.add(GroupDecisions.join(GROUP, member)));
        admins.forEach(admin ->
                decisions.add(GroupDecisions.changeRole(GROUP, admin, GroupRole.MEMBER, GroupRole.ADMIN, owner)));
        List<Object> events = new ArrayList<>();
        decisions.forEach(decision -> events.addAll(decision.events()));
        return events;
    }

    @Test
    void theFirstOpenAdminInOrderOfJoiningTakesOver() {
        fixture.given(ownedBy(
                        CLOSED_OWNER,
                        List.of(FIRST_MEMBER, CLOSED_ADMIN, FIRST_ADMIN, SECOND_ADMIN),
                        List.of(SECOND_ADMIN, CLOSED_ADMIN, FIRST_ADMIN)))
                .when(new HandOverOwnershipCommand(GROUP, CLOSED_OWNER))
                .expectEvents(new OwnershipTransferredEvent(GROUP, CLOSED_OWNER, FIRST_ADMIN));
    }

    @Test
    void withoutAnOpenAdminTheFirstOpenMemberTakesOver() {
        fixture.given(ownedBy(
                        CLOSED_OWNER,
                        List.of(CLOSED_MEMBER, SECOND_MEMBER, FIRST_MEMBER, CLOSED_ADMIN),
                        List.of(CLOSED_ADMIN)))
                .when(new HandOverOwnershipCommand(GROUP, CLOSED_OWNER))
                .expectEvents(new OwnershipTransferredEvent(GROUP, CLOSED_OWNER, SECOND_MEMBER));
    }

    @Test
    void anArchivedGroupIsHandedOverToo() {
        List<Object> history = new ArrayList<>(ownedBy(CLOSED_OWNER, List.of(FIRST_MEMBER), List.of()));
        history.add(new GroupArchivedEvent(GROUP, CLOSED_OWNER, false));
        fixture.given(history)
                .when(new HandOverOwnershipCommand(GROUP, CLOSED_OWNER))
                .expectEvents(new OwnershipTransferredEvent(GROUP, CLOSED_OWNER, FIRST_MEMBER));
    }

    @Test
    void aGroupWithoutAnOpenMemberKeepsItsOwner() {
        fixture.given(ownedBy(CLOSED_OWNER, List.of(CLOSED_MEMBER, CLOSED_ADMIN), List.of(CLOSED_ADMIN)))
                .when(new HandOverOwnershipCommand(GROUP, CLOSED_OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOwnerWhoIsNotTheClosedAccountOrWhoseAccountIsOpenKeepsTheGroup() {
        fixture.given(ownedBy(OPEN_OWNER, List.of(FIRST_MEMBER), List.of()))
                .when(new HandOverOwnershipCommand(GROUP, CLOSED_OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ownedBy(OPEN_OWNER, List.of(FIRST_MEMBER), List.of()))
                .when(new HandOverOwnershipCommand(GROUP, OPEN_OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
