package dev.studybuddy.command.membership;

import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.membership.CloseMembershipCommand;
import dev.studybuddy.api.membership.OpenMembershipCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Opens and closes members' seats as the group's roster changes. The commands are idempotent, so a
 * redelivered event does no harm; a replay sends nothing at all.
 */
@Component
@ProcessingGroup(MembershipSeats.PROCESSING_GROUP)
@DisallowReplay
class MembershipSeats {

    static final String PROCESSING_GROUP = "membership-seats";

    private final CommandGateway commandGateway;

    MembershipSeats(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(MemberJoinedEvent event) {
        commandGateway.sendAndWait(new OpenMembershipCommand(event.groupId(), event.userId()));
    }

    @EventHandler
    void on(MemberLeftEvent event) {
        commandGateway.sendAndWait(new CloseMembershipCommand(event.groupId(), event.userId()));
    }

    @EventHandler
    void on(MemberRemovedEvent event) {
        commandGateway.sendAndWait(new CloseMembershipCommand(event.groupId(), event.userId()));
    }

    @EventHandler
    void on(UserBannedFromGroupEvent event) {
        if (event.wasMember()) {
            commandGateway.sendAndWait(new CloseMembershipCommand(event.groupId(), event.userId()));
        }
    }
}
