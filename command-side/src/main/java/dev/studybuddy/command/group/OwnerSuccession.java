package dev.studybuddy.command.group;

import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.HandOverOwnershipCommand;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands the groups of a closed account (deactivated or erased) to the next member in line
 * (docs/adr/0027-a-closed-accounts-groups-pass-to-the-next-member.md): it keeps who owns each group
 * ({@code group_owners}) and, when an account closes, asks each group it owns to pass on; the group decides whether and
 * to whom. Its events are sequenced by the account they concern ({@link OwnerConcerned}), so that what made a user an
 * owner is taken in before that user's closure. The commands are idempotent; a replay sends nothing at all.
 */
@Component
@ProcessingGroup(OwnerSuccession.PROCESSING_GROUP)
@DisallowReplay
class OwnerSuccession {

    static final String PROCESSING_GROUP = "owner-succession";

    private final JdbcTemplate jdbc;
    private final CommandGateway commandGateway;

    OwnerSuccession(JdbcTemplate jdbc, CommandGateway commandGateway) {
        this.jdbc = jdbc;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(GroupCreatedEvent event) {
        owned(event.groupId(), event.ownerId());
    }

    @EventHandler
    void on(OwnershipTransferredEvent event) {
        owned(event.groupId(), event.newOwnerId());
    }

    @EventHandler
    void on(UserDeactivatedEvent event) {
        handOverGroupsOf(event.userId());
    }

    @EventHandler
    void on(UserErasedEvent event) {
        handOverGroupsOf(event.userId());
    }

    private void owned(UUID groupId, UUID ownerId) {
        jdbc.update("""
                INSERT INTO group_owners (group_id, owner_id) VALUES (?, ?)
                ON CONFLICT (group_id) DO UPDATE SET owner_id = EXCLUDED.owner_id""", groupId, ownerId);
    }

    private void handOverGroupsOf(UUID userId) {
        for (UUID groupId :
                jdbc.queryForList("SELECT group_id FROM group_owners WHERE owner_id = ?", UUID.class, userId)) {
            commandGateway.sendAndWait(new HandOverOwnershipCommand(groupId, userId));
        }
    }
}
