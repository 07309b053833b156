package dev.studybuddy.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.ApproveJoinRequestCommand;
import dev.studybuddy.api.group.DeclineInvitationCommand;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.InvitationAcceptedEvent;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.JoinGroupCommand;
import dev.studybuddy.api.group.JoinOutcome;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.JoinRequestApprovedEvent;
import dev.studybuddy.api.group.JoinRequestRejectedEvent;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.RejectJoinRequestCommand;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.command.user.UserDirectory;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * How people come into a group: by its join policy, by a request the owner or an admin approves, or by an
 * invitation, which lapses after a while (a durable deadline, {@link InvitationDeadline}). An entity of
 * {@link Group}, beside the {@link Roster} that it admits people to: it keeps who asked to join and who is invited,
 * and applies the events of admission. The group checks who may admit, and refuses all of it while archived.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Admissions {

    private Set<UUID> joinRequests = new HashSet<>();
    /** Open invitations, each with its number among all the group has sent. */
    private Map<UUID, Integer> invitations = new HashMap<>();

    private int invitationsSent;

    /** An invitation admits by any policy; otherwise the policy decides. */
    JoinOutcome join(JoinGroupCommand command, JoinPolicy policy, Roster roster, int capacity) {
        UUID groupId = command.groupId();
        UUID userId = command.userId();
        roster.requireMayJoin(userId);
        if (invitations.containsKey(userId)) {
            admitInvitee(groupId, userId, roster, capacity);
            return JoinOutcome.JOINED;
        }
        return switch (policy) {
            case OPEN -> {
                roster.requireSeatFree(capacity);
                apply(new MemberJoinedEvent(groupId, userId, GroupRole.MEMBER, JoinRoute.OPEN));
                yield JoinOutcome.JOINED;
            }
            case APPROVAL -> {
                if (joinRequests.contains(userId)) {
                    throw new DomainException(
                            ErrorCode.REQUEST_ALREADY_PENDING, "Your request to join is pending already.");
                }
                apply(new JoinRequestedEvent(groupId, userId));
                yield JoinOutcome.REQUESTED;
            }
            case INVITE_ONLY ->
                throw new DomainException(ErrorCode.INVITATION_REQUIRED, "This group admits by invitation only.");
        };
    }

    /**
     * Someone who may join and is an active user; inviting them again while invited changes nothing.
     *
     * @param lifetime how long the invitation stays open unanswered
     */
    void invite(
            InviteToGroupCommand command,
            Roster roster,
            UserDirectory users,
            DeadlineManager deadlines,
            Duration lifetime) {
        UUID invitee = command.inviteeId();
        roster.requireMayJoin(invitee);
        if (invitations.containsKey(invitee)) {
            return;
        }
        if (users.statusOf(invitee) != UserDirectory.Status.ACTIVE) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such user.");
        }
        apply(new InvitationSentEvent(
                command.groupId(), invitee, command.actor().userId()));
        deadlines.schedule(
                lifetime, InvitationDeadline.NAME, new InvitationDeadline(invitee, invitations.get(invitee)));
    }

    /** An invitation lapses only if it is still the one open: a newer invitation of the same user survives it. */
    void expire(UUID groupId, InvitationDeadline deadline) {
        Integer open = invitations.get(deadline.inviteeId());
        if (open != null && open == deadline.invitationNumber()) {
            apply(new InvitationExpiredEvent(groupId, deadline.inviteeId()));
        }
    }

    void accept(AcceptInvitationCommand command, Roster roster, int capacity) {
        requireInvitation(command.inviteeId());
        admitInvitee(command.groupId(), command.inviteeId(), roster, capacity);
    }

    @CommandHandler
    void handle(DeclineInvitationCommand command) {
        requireInvitation(command.inviteeId());
        apply(new InvitationDeclinedEvent(command.groupId(), command.inviteeId()));
    }

    void approve(ApproveJoinRequestCommand command, Roster roster, int capacity) {
        requireJoinRequest(command.requesterId());
        roster.requireSeatFree(capacity);
        apply(new JoinRequestApprovedEvent(
                command.groupId(), command.requesterId(), command.actor().userId()));
        apply(new MemberJoinedEvent(command.groupId(), command.requesterId(), GroupRole.MEMBER, JoinRoute.APPROVAL));
    }

    void reject(RejectJoinRequestCommand command) {
        requireJoinRequest(command.requesterId());
        apply(new JoinRequestRejectedEvent(
                command.groupId(), command.requesterId(), command.actor().userId()));
    }

    private void admitInvitee(UUID groupId, UUID inviteeId, Roster roster, int capacity) {
        roster.requireSeatFree(capacity);
        apply(new InvitationAcceptedEvent(groupId, inviteeId));
        apply(new MemberJoinedEvent(groupId, inviteeId, GroupRole.MEMBER, JoinRoute.INVITATION));
    }

    private void requireInvitation(UUID userId) {
        if (!invitations.containsKey(userId)) {
            throw new DomainException(ErrorCode.NOTHING_PENDING, "There is no invitation for you.");
        }
    }

    private void requireJoinRequest(UUID userId) {
        if (!joinRequests.contains(userId)) {
            throw new DomainException(ErrorCode.NOTHING_PENDING, "There is no such join request.");
        }
    }

    @EventSourcingHandler
    void on(MemberJoinedEvent event) {
        joinRequests.remove(event.userId());
        invitations.remove(event.userId());
    }

    @EventSourcingHandler
    void on(JoinRequestedEvent event) {
        joinRequests.add(event.userId());
    }

    @EventSourcingHandler
    void on(JoinRequestRejectedEvent event) {
        joinRequests.remove(event.userId());
    }

    @EventSourcingHandler
    void on(InvitationSentEvent event) {
        invitationsSent++;
        invitations.put(event.inviteeId(), invitationsSent);
    }

    @EventSourcingHandler
    void on(InvitationExpiredEvent event) {
        invitations.remove(event.inviteeId());
    }

    @EventSourcingHandler
    void on(InvitationDeclinedEvent event) {
        invitations.remove(event.inviteeId());
    }

    @EventSourcingHandler
    void on(UserBannedFromGroupEvent event) {
        joinRequests.remove(event.userId());
        invitations.remove(event.userId());
    }
}
