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
import dev.studybuddy.notification.erasure.AuthorTexts;
import dev.studybuddy.notification.log.NotificationWriter;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import dev.studybuddy.platform.personaldata.ErasedAuthors;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

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
    private final ErasedAuthors erasedAuthors;
    private final AuthorTexts authorTexts;

    GroupActivityNotifier(
            NotificationWriter notifications,
            Recipients recipients,
            ErasedAuthors erasedAuthors,
            AuthorTexts authorTexts) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.erasedAuthors = erasedAuthors;
        this.authorTexts = authorTexts;
    }

    /**
     * To each OWNER and ADMIN but those who block the requester or whom the requester blocks (the request stays
     * listed).
     */
    @EventHandler
    void on(JoinRequestedEvent event, EventMessage<?> message) {
        GroupActivityNotice payload = new GroupActivityNotice.JoinRequestReceived(
                event.groupId(), groupName(event.groupId()), event.userId(), name(event.userId()));
        for (UUID moderator : recipients.moderatorsOf(event.groupId())) {
            if (!recipients.eitherBlocks(moderator, event.userId())) {
                notifications.notify(moderator, message.getIdentifier(), payload);
            }
        }
    }

    @EventHandler
    void on(JoinRequestApprovedEvent event, EventMessage<?> message) {
        notifications.notify(
                event.userId(),
                message.getIdentifier(),
                new GroupActivityNotice.JoinRequestApproved(
                        event.groupId(), groupName(event.groupId()), event.approvedBy(), name(event.approvedBy())));
    }

    @EventHandler
    void on(JoinRequestRejectedEvent event, EventMessage<?> message) {
        notifications.notify(
                event.userId(),
                message.getIdentifier(),
                new GroupActivityNotice.JoinRequestRejected(
                        event.groupId(), groupName(event.groupId()), event.rejectedBy(), name(event.rejectedBy())));
    }

    /** Not from someone the invitee blocks, or who blocks them. */
    @EventHandler
    void on(InvitationSentEvent event, EventMessage<?> message) {
        if (recipients.eitherBlocks(event.inviteeId(), event.invitedBy())) {
            return;
        }
        notifications.notify(
                event.inviteeId(),
                message.getIdentifier(),
                new GroupActivityNotice.InvitationReceived(
                        event.groupId(), groupName(event.groupId()), event.invitedBy(), name(event.invitedBy())));
    }

    /**
     * The invitee learns the invitation lapsed; so does the inviter, when the recipients projection saw who it
     * was (an invitation sent before this service read the stream may lack one). Neither hears of it when one of
     * them blocks the other (the invitee was never told of the invitation).
     */
    @EventHandler
    void on(InvitationExpiredEvent event, EventMessage<?> message) {
        Optional<UUID> inviter = recipients.inviterOf(event.groupId(), event.inviteeId());
        if (inviter.filter(by -> recipients.eitherBlocks(event.inviteeId(), by)).isPresent()) {
            return;
        }
        String groupName = groupName(event.groupId());
        notifications.notify(
                event.inviteeId(),
                message.getIdentifier(),
                new GroupActivityNotice.InvitationExpired(
                        event.groupId(),
                        groupName,
                        inviter.orElse(null),
                        inviter.map(this::name).orElse(null)));
        inviter.ifPresent(by -> notifications.notify(
                by,
                message.getIdentifier(),
                new GroupActivityNotice.InvitationLapsed(
                        event.groupId(), groupName, event.inviteeId(), name(event.inviteeId()))));
    }

    @EventHandler
    void on(MemberRemovedEvent event, EventMessage<?> message) {
        notifications.notify(
                event.userId(),
                message.getIdentifier(),
                new GroupActivityNotice.MemberRemoved(
                        event.groupId(), groupName(event.groupId()), event.removedBy(), name(event.removedBy())));
    }

    /** Only a member loses something they can see; a banned outsider's void request needs no news. */
    @EventHandler
    void on(UserBannedFromGroupEvent event, EventMessage<?> message) {
        if (event.wasMember()) {
            notifications.notify(
                    event.userId(),
                    message.getIdentifier(),
                    new GroupActivityNotice.MemberBanned(
                            event.groupId(), groupName(event.groupId()), event.bannedBy(), name(event.bannedBy())));
        }
    }

    @EventHandler
    void on(MemberRoleChangedEvent event, EventMessage<?> message) {
        notifications.notify(
                event.userId(),
                message.getIdentifier(),
                new GroupActivityNotice.RoleChanged(
                        event.groupId(),
                        groupName(event.groupId()),
                        event.changedBy(),
                        name(event.changedBy()),
                        event.previousRole(),
                        event.role()));
    }

    @EventHandler
    void on(OwnershipTransferredEvent event, EventMessage<?> message) {
        notifications.notify(
                event.newOwnerId(),
                message.getIdentifier(),
                new GroupActivityNotice.OwnershipReceived(
                        event.groupId(),
                        groupName(event.groupId()),
                        event.previousOwnerId(),
                        name(event.previousOwnerId())));
    }

    /** Null when this service does not know it; the payload then leaves it out. */
    private String groupName(UUID groupId) {
        return recipients.groupName(groupId).orElse(null);
    }

    /**
     * Null when this service does not know it; the payload then leaves it out. A name the batch writes is taken away
     * again before it commits if its user was erased meanwhile (the erasure may have blanked the names before the
     * batch's notifications could be seen).
     */
    private String name(UUID user) {
        Optional<String> name = recipients.displayName(user);
        name.ifPresent(written -> erasedAuthors.storing(authorTexts, user));
        return name.orElse(null);
    }
}
