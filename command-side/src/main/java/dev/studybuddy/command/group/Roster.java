package dev.studybuddy.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.BanFromGroupCommand;
import dev.studybuddy.api.group.ChangeMemberRoleCommand;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.HandOverOwnershipCommand;
import dev.studybuddy.api.group.LeaveGroupCommand;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.RemoveMemberCommand;
import dev.studybuddy.api.group.TransferOwnershipCommand;
import dev.studybuddy.api.group.UnbanFromGroupCommand;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import dev.studybuddy.command.user.UserDirectory;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Who belongs to a group and in which role, and who is banned: the authority on who may do what in the group. An
 * entity of {@link Group}: it decides the commands that change only the roster (handing over ownership, leaving,
 * roles, removals and bans), and applies the roster's events itself. The group refuses them all while archived.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Roster {

    private UUID ownerId;
    /** In the order they joined (as far as a snapshot from before it kept that order tells): the line of succession. */
    private Map<UUID, GroupRole> members = new LinkedHashMap<>();

    private Set<UUID> banned = new HashSet<>();

    /** To another member whose account is open: a closed one could not use it (and would hand it on at once). */
    @CommandHandler
    void handle(TransferOwnershipCommand command, UserDirectory users) {
        requireOwner(command.actor(), "Only the owner hands over ownership.");
        GroupRole heir = members.get(command.newOwnerId());
        if (heir == null || heir == GroupRole.OWNER) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "Ownership goes to another member of the group.");
        }
        if (users.statusOf(command.newOwnerId()) != UserDirectory.Status.ACTIVE) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "Ownership goes to a member whose account is open.");
        }
        apply(new OwnershipTransferredEvent(command.groupId(), ownerId, command.newOwnerId()));
    }

    /**
     * A closed owner's group passes to the first ADMIN, in the order they joined, whose account is open, else to the
     * first such MEMBER; the closed owner becomes an ADMIN, as in any handover. A group with no open member keeps its
     * owner; an owner who is not that closed account (a transfer came first), or whose account is open, keeps it too
     * (docs/adr/0027-a-closed-accounts-groups-pass-to-the-next-member.md).
     */
    @CommandHandler
    void handle(HandOverOwnershipCommand command, UserDirectory users) {
        if (!command.closedOwnerId().equals(ownerId) || users.statusOf(ownerId) == UserDirectory.Status.ACTIVE) {
            return;
        }
        heirAmong(GroupRole.ADMIN, users)
                .or(() -> heirAmong(GroupRole.MEMBER, users))
                .ifPresent(heir -> apply(new OwnershipTransferredEvent(command.groupId(), ownerId, heir)));
    }

    private Optional<UUID> heirAmong(GroupRole role, UserDirectory users) {
        return members.entrySet().stream()
                .filter(member -> member.getValue() == role)
                .map(Map.Entry::getKey)
                .filter(userId -> users.statusOf(userId) == UserDirectory.Status.ACTIVE)
                .findFirst();
    }

    @CommandHandler
    void handle(LeaveGroupCommand command) {
        requireMember(command.userId());
        if (isOwner(command.userId())) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED,
                    "The owner leaves only after handing ownership to another member, or archives the group.");
        }
        apply(new MemberLeftEvent(command.groupId(), command.userId()));
    }

    @CommandHandler
    void handle(ChangeMemberRoleCommand command) {
        requireOwner(command.actor(), "Only the owner changes roles.");
        GroupRole current = requireMember(command.memberId());
        if (current == GroupRole.OWNER) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED, "The owner's role changes only by handing over ownership.");
        }
        if (current != command.role()) {
            apply(new MemberRoleChangedEvent(
                    command.groupId(),
                    command.memberId(),
                    current,
                    command.role(),
                    command.actor().userId()));
        }
    }

    @CommandHandler
    void handle(RemoveMemberCommand command) {
        GroupRole target = members.get(command.memberId());
        if (target == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such member.");
        }
        boolean moderation = requireAuthorityOver(command.actor(), command.memberId(), target);
        apply(new MemberRemovedEvent(
                command.groupId(), command.memberId(), command.actor().userId(), moderation));
    }

    /** A member is banned by those who may remove them; anyone else by those who manage the group. */
    @CommandHandler
    void handle(BanFromGroupCommand command) {
        if (isBanned(command.userId())) {
            return;
        }
        GroupRole target = members.get(command.userId());
        boolean moderation = target != null
                ? requireAuthorityOver(command.actor(), command.userId(), target)
                : requireManager(command.actor());
        apply(new UserBannedFromGroupEvent(
                command.groupId(), command.userId(), command.actor().userId(), target != null, moderation));
    }

    @CommandHandler
    void handle(UnbanFromGroupCommand command) {
        boolean moderation = requireManager(command.actor());
        if (isBanned(command.userId())) {
            apply(new UserUnbannedFromGroupEvent(
                    command.groupId(), command.userId(), command.actor().userId(), moderation));
        }
    }

    boolean isOwner(UUID userId) {
        return userId.equals(ownerId);
    }

    int size() {
        return members.size();
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
    private boolean requireAuthorityOver(Actor actor, UUID targetId, GroupRole target) {
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

    private boolean isBanned(UUID userId) {
        return banned.contains(userId);
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
    void on(UserBannedFromGroupEvent event) {
        banned.add(event.userId());
        members.remove(event.userId());
    }

    @EventSourcingHandler
    void on(UserUnbannedFromGroupEvent event) {
        banned.remove(event.userId());
    }
}
