package dev.studybuddy.command.group;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.StudySessionRules;
import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.ApproveJoinRequestCommand;
import dev.studybuddy.api.group.ArchiveGroupCommand;
import dev.studybuddy.api.group.BanFromGroupCommand;
import dev.studybuddy.api.group.CancelStudySessionCommand;
import dev.studybuddy.api.group.ChangeGroupDetailsCommand;
import dev.studybuddy.api.group.ChangeMemberRoleCommand;
import dev.studybuddy.api.group.CreateGroupCommand;
import dev.studybuddy.api.group.DeclineInvitationCommand;
import dev.studybuddy.api.group.DeleteGroupMessageCommand;
import dev.studybuddy.api.group.EditGroupMessageCommand;
import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupUnarchivedEvent;
import dev.studybuddy.api.group.GroupVisibility;
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
import dev.studybuddy.api.group.LeaveGroupCommand;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.PostGroupMessageCommand;
import dev.studybuddy.api.group.RejectJoinRequestCommand;
import dev.studybuddy.api.group.RemoveMemberCommand;
import dev.studybuddy.api.group.RescheduleStudySessionCommand;
import dev.studybuddy.api.group.ScheduleStudySessionCommand;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.api.group.TransferOwnershipCommand;
import dev.studybuddy.api.group.UnarchiveGroupCommand;
import dev.studybuddy.api.group.UnbanFromGroupCommand;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.PostedMessage;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.user.UserDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.modelling.command.AggregateLifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A study group and its roster: the only authority on who may do what in it. Chat makes its stream
 * long, so it is snapshotted and cached (see GroupConfiguration); snapshots are Jackson documents of
 * these fields. Of the chat it keeps only its latest messages ({@link RecentMessages}), so that neither
 * its memory nor its snapshot grows with the conversation.
 */
@Aggregate(snapshotTriggerDefinition = GroupConfiguration.SNAPSHOT_TRIGGER, cache = GroupConfiguration.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Group {

    @AggregateIdentifier
    private UUID groupId;
    private String name;
    private String description;
    private GroupVisibility visibility;
    private JoinPolicy joinPolicy;
    private int capacity;
    private boolean archived;
    private UUID ownerId;
    private Map<UUID, GroupRole> members = new HashMap<>();
    private Set<UUID> banned = new HashSet<>();
    private Set<UUID> joinRequests = new HashSet<>();
    /** Open invitations, each with its number among all the group has sent. */
    private Map<UUID, Integer> invitations = new HashMap<>();
    private int invitationsSent;
    private Map<UUID, StudySession> sessions = new HashMap<>();
    private RecentMessages recentMessages = new RecentMessages();

    protected Group() {
    }

    @CommandHandler
    public Group(CreateGroupCommand command) {
        apply(new GroupCreatedEvent(command.groupId(), command.ownerId(), command.name(), command.description(),
                command.visibility(), command.joinPolicy(), command.capacity()));
        apply(new MemberJoinedEvent(command.groupId(), command.ownerId(), GroupRole.OWNER, JoinRoute.CREATED));
    }

    @CommandHandler
    public void handle(ChangeGroupDetailsCommand command) {
        requireNotArchived();
        boolean moderation = requireManager(command.actor());
        int newCapacity = command.capacity() != null ? command.capacity() : capacity;
        if (newCapacity < members.size()) {
            throw new DomainException(ErrorCode.RULE_VIOLATED,
                    "Capacity cannot be below the current " + members.size() + " members.");
        }
        GroupDetailsChangedEvent changed = new GroupDetailsChangedEvent(groupId,
                Objects.requireNonNullElse(command.name(), name),
                Objects.requireNonNullElse(command.description(), description),
                Objects.requireNonNullElse(command.visibility(), visibility),
                Objects.requireNonNullElse(command.joinPolicy(), joinPolicy),
                newCapacity, command.actor().userId(), moderation);
        if (changed.name().equals(name) && changed.description().equals(description)
                && changed.visibility() == visibility && changed.joinPolicy() == joinPolicy && newCapacity == capacity) {
            return;
        }
        apply(changed);
    }

    @CommandHandler
    public void handle(ArchiveGroupCommand command) {
        if (archived) {
            return;
        }
        boolean byOwner = isOwner(command.actor().userId());
        if (!byOwner && !command.actor().platformModerator()) {
            throw forbidden("Only the owner archives a group.");
        }
        apply(new GroupArchivedEvent(groupId, command.actor().userId(), !byOwner));
    }

    @CommandHandler
    public void handle(UnarchiveGroupCommand command) {
        if (!isOwner(command.actor().userId())) {
            throw forbidden("Only the owner unarchives a group.");
        }
        if (archived) {
            apply(new GroupUnarchivedEvent(groupId, command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(TransferOwnershipCommand command) {
        requireNotArchived();
        if (!isOwner(command.actor().userId())) {
            throw forbidden("Only the owner hands over ownership.");
        }
        if (!members.containsKey(command.newOwnerId()) || isOwner(command.newOwnerId())) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "Ownership goes to another member of the group.");
        }
        apply(new OwnershipTransferredEvent(groupId, ownerId, command.newOwnerId()));
    }

    @CommandHandler
    public JoinOutcome handle(JoinGroupCommand command) {
        requireNotArchived();
        UUID userId = command.userId();
        requireNotBanned(userId);
        requireNotMember(userId);
        if (invitations.containsKey(userId)) {
            admitByInvitation(userId);
            return JoinOutcome.JOINED;
        }
        return switch (joinPolicy) {
            case OPEN -> {
                requireSeatFree();
                apply(new MemberJoinedEvent(groupId, userId, GroupRole.MEMBER, JoinRoute.OPEN));
                yield JoinOutcome.JOINED;
            }
            case APPROVAL -> {
                if (joinRequests.contains(userId)) {
                    throw new DomainException(ErrorCode.REQUEST_ALREADY_PENDING, "Your request to join is pending already.");
                }
                apply(new JoinRequestedEvent(groupId, userId));
                yield JoinOutcome.REQUESTED;
            }
            case INVITE_ONLY -> throw new DomainException(ErrorCode.INVITATION_REQUIRED, "This group admits by invitation only.");
        };
    }

    @CommandHandler
    public void handle(LeaveGroupCommand command) {
        requireNotArchived();
        requireMember(command.userId());
        if (isOwner(command.userId())) {
            throw new DomainException(ErrorCode.RULE_VIOLATED,
                    "The owner leaves only after handing ownership to another member, or archives the group.");
        }
        apply(new MemberLeftEvent(groupId, command.userId()));
    }

    @CommandHandler
    public void handle(InviteToGroupCommand command, UserDirectory users, DeadlineManager deadlines,
                       GroupSettings settings) {
        requireNotArchived();
        requireRole(command.actor(), "Only the owner and admins invite.");
        UUID invitee = command.inviteeId();
        requireNotBanned(invitee);
        requireNotMember(invitee);
        if (invitations.containsKey(invitee)) {
            return;
        }
        if (users.statusOf(invitee) != UserDirectory.Status.ACTIVE) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such user.");
        }
        apply(new InvitationSentEvent(groupId, invitee, command.actor().userId()));
        deadlines.schedule(settings.invitationLifetime(), InvitationDeadline.NAME,
                new InvitationDeadline(invitee, invitations.get(invitee)));
    }

    @DeadlineHandler(deadlineName = InvitationDeadline.NAME)
    void expire(InvitationDeadline deadline) {
        Integer open = invitations.get(deadline.inviteeId());
        if (open != null && open == deadline.invitationNumber()) {
            apply(new InvitationExpiredEvent(groupId, deadline.inviteeId()));
        }
    }

    @CommandHandler
    public void handle(AcceptInvitationCommand command) {
        requireNotArchived();
        requireInvitation(command.inviteeId());
        admitByInvitation(command.inviteeId());
    }

    @CommandHandler
    public void handle(DeclineInvitationCommand command) {
        requireNotArchived();
        requireInvitation(command.inviteeId());
        apply(new InvitationDeclinedEvent(groupId, command.inviteeId()));
    }

    @CommandHandler
    public void handle(ApproveJoinRequestCommand command) {
        requireNotArchived();
        requireRole(command.actor(), "Only the owner and admins approve join requests.");
        requireJoinRequest(command.requesterId());
        requireSeatFree();
        apply(new JoinRequestApprovedEvent(groupId, command.requesterId(), command.actor().userId()));
        apply(new MemberJoinedEvent(groupId, command.requesterId(), GroupRole.MEMBER, JoinRoute.APPROVAL));
    }

    @CommandHandler
    public void handle(RejectJoinRequestCommand command) {
        requireNotArchived();
        requireRole(command.actor(), "Only the owner and admins reject join requests.");
        requireJoinRequest(command.requesterId());
        apply(new JoinRequestRejectedEvent(groupId, command.requesterId(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(ChangeMemberRoleCommand command) {
        requireNotArchived();
        if (!isOwner(command.actor().userId())) {
            throw forbidden("Only the owner changes roles.");
        }
        GroupRole current = requireMember(command.memberId());
        if (current == GroupRole.OWNER) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "The owner's role changes only by handing over ownership.");
        }
        if (current != command.role()) {
            apply(new MemberRoleChangedEvent(groupId, command.memberId(), current, command.role(), command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(RemoveMemberCommand command) {
        requireNotArchived();
        GroupRole target = members.get(command.memberId());
        if (target == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such member.");
        }
        boolean moderation = requireAuthorityOver(command.actor(), command.memberId(), target);
        apply(new MemberRemovedEvent(groupId, command.memberId(), command.actor().userId(), moderation));
    }

    @CommandHandler
    public void handle(BanFromGroupCommand command) {
        requireNotArchived();
        if (banned.contains(command.userId())) {
            return;
        }
        GroupRole target = members.get(command.userId());
        boolean moderation = target != null
                ? requireAuthorityOver(command.actor(), command.userId(), target)
                : requireManager(command.actor());
        apply(new UserBannedFromGroupEvent(groupId, command.userId(), command.actor().userId(), target != null, moderation));
    }

    @CommandHandler
    public void handle(UnbanFromGroupCommand command) {
        requireNotArchived();
        boolean moderation = requireManager(command.actor());
        if (banned.contains(command.userId())) {
            apply(new UserUnbannedFromGroupEvent(groupId, command.userId(), command.actor().userId(), moderation));
        }
    }

    /** @return the message's place in the conversation: the sequence number of its event */
    @CommandHandler
    public long handle(PostGroupMessageCommand command) {
        requireNotArchived();
        requireMember(command.authorId());
        recentMessages.requireNew(command.messageId(), command.replyTo());
        List<UUID> mentioned = command.mentions().stream()
                .filter(members::containsKey)
                .filter(userId -> !userId.equals(command.authorId()))
                .toList();
        apply(new GroupMessagePostedEvent(groupId, command.messageId(), command.authorId(), command.body(),
                command.replyTo(), mentioned, command.attachments()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(EditGroupMessageCommand command, EditWindow editWindow) {
        requireNotArchived();
        PostedMessage message = recentMessages.requireEditableBy(command.messageId(), command.editorId());
        requireMember(command.editorId());
        editWindow.requireOpenFor(message);
        apply(new GroupMessageEditedEvent(groupId, command.messageId(), command.body()));
    }

    /**
     * The author, the owner, admins and platform moderators delete one of the latest messages. An older one,
     * which the group no longer remembers, only those who may delete anybody's message: its author is no
     * longer known here.
     */
    @CommandHandler
    public void handle(DeleteGroupMessageCommand command) {
        requireNotArchived();
        Actor actor = command.actor();
        switch (recentMessages.deletionBy(command.messageId(), actor.userId())) {
            case OWN -> apply(new GroupMessageDeletedEvent(groupId, command.messageId(), actor.userId(), false));
            case ANOTHERS, FORGOTTEN -> apply(new GroupMessageDeletedEvent(groupId, command.messageId(), actor.userId(),
                    requireManager(actor)));
            case OWN_AGAIN, ANOTHERS_AGAIN -> {
            }
        }
    }

    @CommandHandler
    public void handle(ScheduleStudySessionCommand command) {
        requireNotArchived();
        requireMember(command.schedulerId());
        if (sessions.containsKey(command.sessionId())) {
            throw new DomainException(ErrorCode.CONFLICT, "A session with this id exists already.");
        }
        requireFuture(command.startsAt());
        apply(new StudySessionScheduledEvent(groupId, command.sessionId(), command.schedulerId(), command.title(),
                command.startsAt(), command.durationMinutes()));
    }

    @CommandHandler
    public void handle(RescheduleStudySessionCommand command) {
        requireNotArchived();
        StudySession session = requireChangeableSession(command.sessionId(), command.actor());
        Instant startsAt = command.startsAt() != null ? command.startsAt() : session.startsAt();
        if (command.startsAt() != null) {
            requireFuture(startsAt);
        }
        apply(new StudySessionRescheduledEvent(groupId, command.sessionId(),
                Objects.requireNonNullElse(command.title(), session.title()), startsAt,
                Objects.requireNonNullElse(command.durationMinutes(), session.durationMinutes()), command.actor().userId()));
    }

    @CommandHandler
    public void handle(CancelStudySessionCommand command) {
        requireNotArchived();
        requireChangeableSession(command.sessionId(), command.actor());
        apply(new StudySessionCancelledEvent(groupId, command.sessionId(), command.actor().userId()));
    }

    /** Its scheduler, the owner or an admin may change a session, until it starts. */
    private StudySession requireChangeableSession(UUID sessionId, Actor actor) {
        StudySession session = sessions.get(sessionId);
        if (session == null || session.cancelled()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such study session.");
        }
        GroupRole role = members.get(actor.userId());
        if (!session.scheduledBy().equals(actor.userId()) && role != GroupRole.OWNER && role != GroupRole.ADMIN) {
            throw forbidden("Only its scheduler, the owner and admins change a session.");
        }
        if (!session.startsAt().isAfter(GenericEventMessage.clock.instant())) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "The session has started already.");
        }
        return session;
    }

    private static void requireFuture(Instant startsAt) {
        Instant now = GenericEventMessage.clock.instant();
        if (!startsAt.isAfter(now)) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "A session starts in the future.");
        }
        if (startsAt.isAfter(now.plus(StudySessionRules.MAX_LEAD))) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "A session starts within a year.");
        }
    }

    private void admitByInvitation(UUID invitee) {
        requireSeatFree();
        apply(new InvitationAcceptedEvent(groupId, invitee));
        apply(new MemberJoinedEvent(groupId, invitee, GroupRole.MEMBER, JoinRoute.INVITATION));
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
        boolean allowedByGroupRole = actorRole == GroupRole.OWNER
                || (actorRole == GroupRole.ADMIN && target == GroupRole.MEMBER);
        if (!allowedByGroupRole && !actor.platformModerator()) {
            throw forbidden("You may not remove this member.");
        }
        return !allowedByGroupRole;
    }

    /**
     * Owners, admins and platform moderators manage a group.
     *
     * @return whether the act is moderation: allowed only by the actor's platform role
     */
    private boolean requireManager(Actor actor) {
        GroupRole role = members.get(actor.userId());
        boolean allowedByGroupRole = role == GroupRole.OWNER || role == GroupRole.ADMIN;
        if (!allowedByGroupRole && !actor.platformModerator()) {
            throw forbidden("Only the owner and admins may do this.");
        }
        return !allowedByGroupRole;
    }

    private void requireRole(Actor actor, String refusal) {
        GroupRole role = members.get(actor.userId());
        if (role != GroupRole.OWNER && role != GroupRole.ADMIN) {
            throw forbidden(refusal);
        }
    }

    private GroupRole requireMember(UUID userId) {
        GroupRole role = members.get(userId);
        if (role == null) {
            throw new DomainException(ErrorCode.NOT_A_MEMBER, "Not a member of this group.");
        }
        return role;
    }

    private void requireNotMember(UUID userId) {
        if (members.containsKey(userId)) {
            throw new DomainException(ErrorCode.ALREADY_MEMBER, "Already a member of this group.");
        }
    }

    private void requireNotBanned(UUID userId) {
        if (banned.contains(userId)) {
            throw new DomainException(ErrorCode.BANNED_FROM_GROUP, "Banned from this group.");
        }
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

    private void requireSeatFree() {
        if (members.size() >= capacity) {
            throw new DomainException(ErrorCode.GROUP_FULL, "The group is full.");
        }
    }

    private void requireNotArchived() {
        if (archived) {
            throw new DomainException(ErrorCode.GROUP_ARCHIVED, "The group is archived.");
        }
    }

    private boolean isOwner(UUID userId) {
        return userId.equals(ownerId);
    }

    private static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN, message);
    }

    @EventSourcingHandler
    void on(GroupCreatedEvent event) {
        groupId = event.groupId();
        ownerId = event.ownerId();
        setDetails(event.name(), event.description(), event.visibility(), event.joinPolicy(), event.capacity());
    }

    @EventSourcingHandler
    void on(GroupDetailsChangedEvent event) {
        setDetails(event.name(), event.description(), event.visibility(), event.joinPolicy(), event.capacity());
    }

    private void setDetails(String newName, String newDescription, GroupVisibility newVisibility,
                            JoinPolicy newJoinPolicy, int newCapacity) {
        name = newName;
        description = newDescription;
        visibility = newVisibility;
        joinPolicy = newJoinPolicy;
        capacity = newCapacity;
    }

    @EventSourcingHandler
    void on(GroupArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(GroupUnarchivedEvent event) {
        archived = false;
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
    void on(MemberLeftEvent event) {
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
    void on(MemberRoleChangedEvent event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent event) {
        members.remove(event.userId());
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
    @EventSourcingHandler
    void on(GroupMessagePostedEvent event, @Timestamp Instant postedAt) {
        recentMessages.posted(event.messageId(), event.authorId(), postedAt);
    }

    @EventSourcingHandler
    void on(GroupMessageDeletedEvent event) {
        recentMessages.deleted(event.messageId());
    }

    /**
     * Snapshots taken before the group kept only its latest messages hold all of them under "messages":
     * read into the bounded record, in the order they were posted, so that such a snapshot decides as
     * a replay of the stream would.
     */
    @JsonProperty("messages")
    private void readAllMessagesOfAnOlderSnapshot(Map<UUID, PostedMessage> all) {
        recentMessages = new RecentMessages();
        all.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().postedAt()))
                .forEach(entry -> {
                    recentMessages.posted(entry.getKey(), entry.getValue().authorId(), entry.getValue().postedAt());
                    if (entry.getValue().deleted()) {
                        recentMessages.deleted(entry.getKey());
                    }
                });
    }
    @EventSourcingHandler
    void on(StudySessionScheduledEvent event) {
        sessions.put(event.sessionId(),
                new StudySession(event.scheduledBy(), event.title(), event.startsAt(), event.durationMinutes(), false));
    }

    @EventSourcingHandler
    void on(StudySessionRescheduledEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) ->
                session.rescheduled(event.title(), event.startsAt(), event.durationMinutes()));
    }

    @EventSourcingHandler
    void on(StudySessionCancelledEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.asCancelled());
    }
}
