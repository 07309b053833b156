package dev.studybuddy.notification.groupactivity;

import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.JoinRequestApprovedEvent;
import dev.studybuddy.api.group.JoinRequestRejectedEvent;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.notification.log.NotificationType;
import dev.studybuddy.notification.log.NotificationWriter;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Group events that concern someone who did not cause them: a join request (its group's OWNER and ADMINs),
 * its outcome (the requester), an invitation (the invitee) and its expiry (the invitee and inviter), a removal, ban, role change or ownership
 * transfer (the member concerned). Stateless and untimed, so an event handler rather than a saga; it runs
 * in the recipients processing group to see the roster as it stood before each event. Never on a replay.
 */
@Component
@ProcessingGroup(RecipientsProjection.PROCESSING_GROUP)
@DisallowReplay
class GroupActivityNotifier {

    private final NotificationWriter notifications;
    private final Recipients recipients;

    GroupActivityNotifier(NotificationWriter notifications, Recipients recipients) {
        this.notifications = notifications;
        this.recipients = recipients;
    }

    @EventHandler
    void on(JoinRequestedEvent event, EventMessage<?> message) {
        Map<String, Object> payload = about(event.groupId(), "requesterId", event.userId());
        for (UUID moderator : recipients.moderatorsOf(event.groupId())) {
            notifications.notify(NotificationType.GROUP_JOIN_REQUEST_RECEIVED, moderator, message.getIdentifier(), payload);
        }
    }

    @EventHandler
    void on(JoinRequestApprovedEvent event, EventMessage<?> message) {
        notifications.notify(NotificationType.GROUP_JOIN_REQUEST_APPROVED, event.userId(), message.getIdentifier(),
                about(event.groupId(), "approvedBy", event.approvedBy()));
    }

    @EventHandler
    void on(JoinRequestRejectedEvent event, EventMessage<?> message) {
        notifications.notify(NotificationType.GROUP_JOIN_REQUEST_REJECTED, event.userId(), message.getIdentifier(),
                about(event.groupId(), "rejectedBy", event.rejectedBy()));
    }

    @EventHandler
    void on(InvitationSentEvent event, EventMessage<?> message) {
        notifications.notify(NotificationType.GROUP_INVITATION_RECEIVED, event.inviteeId(), message.getIdentifier(),
                about(event.groupId(), "invitedBy", event.invitedBy()));
    }

    /**
     * The invitee learns the invitation lapsed; so does the inviter, when the recipients projection saw who it
     * was (an invitation sent before this service read the stream may lack one).
     */
    @EventHandler
    void on(InvitationExpiredEvent event, EventMessage<?> message) {
        Optional<UUID> inviter = recipients.inviterOf(event.groupId(), event.inviteeId());
        Map<String, Object> payload = inviter.map(by -> about(event.groupId(), "invitedBy", by))
                .orElseGet(() -> about(event.groupId()));
        notifications.notify(NotificationType.GROUP_INVITATION_EXPIRED, event.inviteeId(), message.getIdentifier(),
                payload);
        inviter.ifPresent(by -> notifications.notify(NotificationType.GROUP_INVITATION_LAPSED, by,
                message.getIdentifier(), about(event.groupId(), "inviteeId", event.inviteeId())));
    }

    @EventHandler
    void on(MemberRemovedEvent event, EventMessage<?> message) {
        notifications.notify(NotificationType.GROUP_MEMBER_REMOVED, event.userId(), message.getIdentifier(),
                about(event.groupId(), "removedBy", event.removedBy()));
    }

    /** Only a member loses something they can see; a banned outsider's void request needs no news. */
    @EventHandler
    void on(UserBannedFromGroupEvent event, EventMessage<?> message) {
        if (event.wasMember()) {
            notifications.notify(NotificationType.GROUP_MEMBER_BANNED, event.userId(), message.getIdentifier(),
                    about(event.groupId(), "bannedBy", event.bannedBy()));
        }
    }

    @EventHandler
    void on(MemberRoleChangedEvent event, EventMessage<?> message) {
        Map<String, Object> payload = about(event.groupId(), "changedBy", event.changedBy());
        payload.put("previousRole", event.previousRole().name());
        payload.put("role", event.role().name());
        notifications.notify(NotificationType.GROUP_ROLE_CHANGED, event.userId(), message.getIdentifier(), payload);
    }

    @EventHandler
    void on(OwnershipTransferredEvent event, EventMessage<?> message) {
        notifications.notify(NotificationType.GROUP_OWNERSHIP_RECEIVED, event.newOwnerId(), message.getIdentifier(),
                about(event.groupId(), "previousOwnerId", event.previousOwnerId()));
    }

    private Map<String, Object> about(UUID groupId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("groupId", groupId.toString());
        recipients.groupName(groupId).ifPresent(name -> payload.put("groupName", name));
        return payload;
    }

    private Map<String, Object> about(UUID groupId, String actorRole, UUID actor) {
        Map<String, Object> payload = about(groupId);
        payload.put(actorRole, actor.toString());
        recipients.displayName(actor).ifPresent(name -> payload.put(actorRole.replace("Id", "") + "Name", name));
        return payload;
    }
}
