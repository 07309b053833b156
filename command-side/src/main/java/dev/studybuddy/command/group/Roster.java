package dev.studybuddy.command.group;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.JoinRequestRejectedEvent;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Who belongs to a group and in which role, who is banned, who asked to join and who is invited: the
 * authority on who may do what in the group. {@link Group} holds it as an aggregate member, so that it
 * applies the roster's events itself.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Roster {

    private UUID ownerId;
    private Map<UUID, GroupRole> members = new HashMap<>();
    private Set<UUID> banned = new HashSet<>();
    private Set<UUID> joinRequests = new HashSet<>();
    /** Open invitations, each with its number among all the group has sent. */
    private Map<UUID, Integer> invitations = new HashMap<>();

    private int invitationsSent;

    UUID ownerId() {
        return ownerId;
    }

    boolean isOwner(UUID userId) {
        return userId.equals(ownerId);
    }

    /** @return the member's role, or null for someone who is not a member */
    GroupRole roleOf(UUID userId) {
        return members.get(userId);
    }

    int size() {
        return members.size();
    }

    boolean isBanned(UUID userId) {
        return banned.contains(userId);
    }

    boolean isInvited(UUID userId) {
        return invitations.containsKey(userId);
    }

    /** @return the number of the user's open invitation among all the group sent, or null if none is open */
    Integer openInvitation(UUID userId) {
        return invitations.get(userId);
    }

    boolean hasAskedToJoin(UUID userId) {
        return joinRequests.contains(userId);
    }

    /** @return those of the users who are members, but not the author: a message notifies nobody else */
    List<UUID> otherMembersAmong(List<UUID> userIds, UUID authorId) {
        return userIds.stream()
                .filter(members::containsKey)
                .filter(userId -> !userId.equals(authorId))
                .toList();
    }

    GroupRole requireMember(UUID userId) {
        GroupRole role = members.get(userId);
        if (role == null) {
            throw new DomainException(ErrorCode.NOT_A_MEMBER, "Not a member of this group.");
        }
        return role;
    }

    /** Someone who may still join: neither banned nor a member already. */
    void requireMayJoin(UUID userId) {
        if (banned.contains(userId)) {
            throw new DomainException(ErrorCode.BANNED_FROM_GROUP, "Banned from this group.");
        }
        if (members.containsKey(userId)) {
            throw new DomainException(ErrorCode.ALREADY_MEMBER, "Already a member of this group.");
        }
    }

    void requireSeatFree(int capacity) {
        if (members.size() >= capacity) {
            throw new DomainException(ErrorCode.GROUP_FULL, "The group is full.");
        }
    }

    void requireInvitation(UUID userId) {
        if (!invitations.containsKey(userId)) {
            throw new DomainException(ErrorCode.NOTHING_PENDING, "There is no invitation for you.");
        }
    }

    void requireJoinRequest(UUID userId) {
        if (!joinRequests.contains(userId)) {
            throw new DomainException(ErrorCode.NOTHING_PENDING, "There is no such join request.");
        }
    }

    void requireOwner(Actor actor, String refusal) {
        if (!isOwner(actor.userId())) {
            throw forbidden(refusal);
        }
    }

    /** The owner and admins run the group's admissions: platform moderators moderate, they do not admit. */
    void requireOwnerOrAdmin(Actor actor, String refusal) {
        if (!isOwnerOrAdmin(actor.userId())) {
            throw forbidden(refusal);
        }
    }

    boolean isOwnerOrAdmin(UUID userId) {
        GroupRole role = members.get(userId);
        return role == GroupRole.OWNER || role == GroupRole.ADMIN;
    }

    /**
     * Owners, admins and platform moderators manage a group.
     *
     * @return whether the act is moderation: allowed only by the actor's platform role
     */
    boolean requireManager(Actor actor) {
        boolean allowedByGroupRole = isOwnerOrAdmin(actor.userId());
        if (!allowedByGroupRole && !actor.platformModerator()) {
            throw forbidden("Only the owner and admins may do this.");
        }
        return !allowedByGroupRole;
    }

    /**
     * Who may remove or ban a member: the owner anyone but themselves, an admin only plain members, a
     * platform moderator anyone but the owner. Nobody removes the owner.
     *
     * @return whether the act is moderation: allowed only by the actor's platform role
     */
    boolean requireAuthorityOver(Actor actor, UUID targetId, GroupRole target) {
        if (target == GroupRole.OWNER) {
            throw forbidden("Nobody removes the owner.");
        }
        if (actor.userId().equals(targetId)) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "Leave the group instead.");
        }
        GroupRole actorRole = members.get(actor.userId());
        boolean allowedByGroupRole =
                actorRole == GroupRole.OWNER || (actorRole == GroupRole.ADMIN && target == GroupRole.MEMBER);
        if (!allowedByGroupRole && !actor.platformModerator()) {
            throw forbidden("You may not remove this member.");
        }
        return !allowedByGroupRole;
    }

    private static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN, message);
    }

    @EventSourcingHandler
    void on(GroupCreatedEvent event) {
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(OwnershipTransferredEvent event) {
        members.put(event.previousOwnerId(), GroupRole.ADMIN);
        members.put(event.newOwnerId(), GroupRole.OWNER);
        ownerId = event.newOwnerId();
    }

    @EventSourcingHandler
    void on(MemberJoinedEvent event) {
        members.put(event.userId(), event.role());
        joinRequests.remove(event.userId());
        invitations.remove(event.userId());
    }

    @EventSourcingHandler
    void on(MemberRoleChangedEvent event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberLeftEvent event) {
        members.remove(event.userId());
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent event) {
        members.remove(event.userId());
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
        banned.add(event.userId());
        members.remove(event.userId());
        joinRequests.remove(event.userId());
        invitations.remove(event.userId());
    }

    @EventSourcingHandler
    void on(UserUnbannedFromGroupEvent event) {
        banned.remove(event.userId());
    }
}
