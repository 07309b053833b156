package dev.studybuddy.command.membership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.membership.ChangeNotificationLevelCommand;
import dev.studybuddy.api.membership.CloseMembershipCommand;
import dev.studybuddy.api.membership.MarkReadCommand;
import dev.studybuddy.api.membership.MembershipClosedEvent;
import dev.studybuddy.api.membership.MembershipOpenedEvent;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.api.membership.NotificationLevelChangedEvent;
import dev.studybuddy.api.membership.OpenMembershipCommand;
import dev.studybuddy.api.membership.ReadPositionAdvancedEvent;
import dev.studybuddy.command.config.AggregateLocks;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's own seat in a group: how far they have read and how much notifies them. The group's
 * roster opens and closes it (see {@link MembershipSeats}); a closed seat refuses everything.
 */
@Aggregate(lockFactory = AggregateLocks.LOCK_FACTORY)
public class Membership {

    @AggregateIdentifier
    private String membershipId;

    private UUID groupId;
    private UUID userId;
    private boolean open;
    private long readSeq = -1;
    private NotificationLevel level = NotificationLevel.ALL;

    protected Membership() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenMembershipCommand command) {
        if (!open) {
            apply(new MembershipOpenedEvent(command.membershipId(), command.groupId(), command.userId()));
        }
    }

    @CommandHandler
    public void handle(CloseMembershipCommand command) {
        if (open) {
            apply(new MembershipClosedEvent(membershipId, groupId, userId));
        }
    }

    @CommandHandler
    public void handle(MarkReadCommand command) {
        requireOpen();
        long upTo = Math.min(command.seq(), command.latestSeq());
        if (upTo > readSeq) {
            apply(new ReadPositionAdvancedEvent(membershipId, groupId, userId, upTo));
        }
    }

    @CommandHandler
    public void handle(ChangeNotificationLevelCommand command) {
        requireOpen();
        if (command.level() != level) {
            apply(new NotificationLevelChangedEvent(membershipId, groupId, userId, command.level()));
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new DomainException(ErrorCode.NOT_A_MEMBER, "You are not a member of this group.");
        }
    }

    @EventSourcingHandler
    void on(MembershipOpenedEvent event) {
        membershipId = event.membershipId();
        groupId = event.groupId();
        userId = event.userId();
        open = true;
    }

    @EventSourcingHandler
    void on(MembershipClosedEvent event) {
        open = false;
    }

    @EventSourcingHandler
    void on(ReadPositionAdvancedEvent event) {
        readSeq = event.seq();
    }

    @EventSourcingHandler
    void on(NotificationLevelChangedEvent event) {
        level = event.level();
    }
}
