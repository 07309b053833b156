package dev.studybuddy.command.membership;

import static dev.studybuddy.api.error.ErrorCode.NOT_A_MEMBER;
import static dev.studybuddy.api.membership.NotificationLevel.ALL;
import static dev.studybuddy.api.membership.NotificationLevel.MENTIONS;
import static dev.studybuddy.api.membership.NotificationLevel.NONE;
import static dev.studybuddy.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.membership.ChangeNotificationLevelCommand;
import dev.studybuddy.api.membership.CloseMembershipCommand;
import dev.studybuddy.api.membership.MarkReadCommand;
import dev.studybuddy.api.membership.MembershipClosedEvent;
import dev.studybuddy.api.membership.MembershipId;
import dev.studybuddy.api.membership.MembershipOpenedEvent;
import dev.studybuddy.api.membership.NotificationLevelChangedEvent;
import dev.studybuddy.api.membership.OpenMembershipCommand;
import dev.studybuddy.api.membership.ReadPositionAdvancedEvent;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final UUID GROUP = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    /** The group's newest event, beyond every read position the tests ask for. */
    private static final long LATEST = 100;

    private static final String SEAT = MembershipId.of(GROUP, ALICE);

    private AggregateTestFixture<Membership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Membership.class);
    }

    private static MembershipOpenedEvent opened() {
        return new MembershipOpenedEvent(SEAT, GROUP, ALICE);
    }

    private static MembershipClosedEvent closed() {
        return new MembershipClosedEvent(SEAT, GROUP, ALICE);
    }

    private static ReadPositionAdvancedEvent readUpTo(long seq) {
        return new ReadPositionAdvancedEvent(SEAT, GROUP, ALICE, seq);
    }

    @Test
    void seatOpensWhenTheGroupAdmitsTheUser() {
        fixture.givenNoPriorActivity()
                .when(new OpenMembershipCommand(GROUP, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MembershipOpenedEvent(SEAT, GROUP, ALICE));
    }

    @Test
    void openingAnOpenSeatRecordsNothing() {
        fixture.given(opened())
                .when(new OpenMembershipCommand(GROUP, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void seatClosesWhenTheMemberLeavesIsRemovedOrBanned() {
        fixture.given(opened(), readUpTo(4))
                .when(new CloseMembershipCommand(GROUP, ALICE))
                .expectEvents(new MembershipClosedEvent(SEAT, GROUP, ALICE));
    }

    @Test
    void closingAClosedSeatRecordsNothing() {
        fixture.given(opened(), closed())
                .when(new CloseMembershipCommand(GROUP, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void readPositionOnlyMovesForward() {
        fixture.given(opened())
                .when(new MarkReadCommand(GROUP, ALICE, 0, LATEST))
                .expectEvents(readUpTo(0));
        fixture.given(opened(), readUpTo(5))
                .when(new MarkReadCommand(GROUP, ALICE, 6, LATEST))
                .expectEvents(readUpTo(6));
        fixture.given(opened(), readUpTo(5))
                .when(new MarkReadCommand(GROUP, ALICE, 5, LATEST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), readUpTo(5))
                .when(new MarkReadCommand(GROUP, ALICE, 3, LATEST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThatThrownBy(() -> new MarkReadCommand(GROUP, ALICE, -1, LATEST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readPositionNeverPassesTheGroupsNewestEvent() {
        fixture.given(opened())
                .when(new MarkReadCommand(GROUP, ALICE, 1_000_000, 12))
                .expectEvents(readUpTo(12));
        fixture.given(opened(), readUpTo(12))
                .when(new MarkReadCommand(GROUP, ALICE, Long.MAX_VALUE, 12))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void notificationLevelIsAllMentionsOrNone() {
        fixture.given(opened())
                .when(new ChangeNotificationLevelCommand(GROUP, ALICE, MENTIONS))
                .expectEvents(new NotificationLevelChangedEvent(SEAT, GROUP, ALICE, MENTIONS));
        fixture.given(opened())
                .when(new ChangeNotificationLevelCommand(GROUP, ALICE, NONE))
                .expectEvents(new NotificationLevelChangedEvent(SEAT, GROUP, ALICE, NONE));
        fixture.given(opened(), new NotificationLevelChangedEvent(SEAT, GROUP, ALICE, NONE))
                .when(new ChangeNotificationLevelCommand(GROUP, ALICE, ALL))
                .expectEvents(new NotificationLevelChangedEvent(SEAT, GROUP, ALICE, ALL));
        assertThatThrownBy(() -> new ChangeNotificationLevelCommand(GROUP, ALICE, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theSameNotificationLevelRecordsNothing() {
        fixture.given(opened())
                .when(new ChangeNotificationLevelCommand(GROUP, ALICE, ALL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), new NotificationLevelChangedEvent(SEAT, GROUP, ALICE, MENTIONS))
                .when(new ChangeNotificationLevelCommand(GROUP, ALICE, MENTIONS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void closedSeatRefusesCommands() {
        fixture.given(opened(), closed())
                .when(new MarkReadCommand(GROUP, ALICE, 9, LATEST))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
        fixture.given(opened(), closed())
                .when(new ChangeNotificationLevelCommand(GROUP, ALICE, NONE))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void closedSeatIsReopenedByANewAdmission() {
        fixture.given(opened(), closed())
                .when(new OpenMembershipCommand(GROUP, ALICE))
                .expectEvents(new MembershipOpenedEvent(SEAT, GROUP, ALICE));
        fixture.given(opened(), readUpTo(5), closed(), opened())
                .when(new MarkReadCommand(GROUP, ALICE, 7, LATEST))
                .expectEvents(readUpTo(7));
    }
}
