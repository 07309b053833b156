package dev.studybuddy.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.AddGroupReactionCommand;
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
import dev.studybuddy.api.group.GroupMessagePinnedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupMessageUnpinnedEvent;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.api.group.GroupReactionRemovedEvent;
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
import dev.studybuddy.api.group.PinGroupMessageCommand;
import dev.studybuddy.api.group.PostGroupMessageCommand;
import dev.studybuddy.api.group.RejectJoinRequestCommand;
import dev.studybuddy.api.group.RemoveGroupReactionCommand;
import dev.studybuddy.api.group.RemoveMemberCommand;
import dev.studybuddy.api.group.RescheduleStudySessionCommand;
import dev.studybuddy.api.group.ScheduleStudySessionCommand;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.api.group.TransferOwnershipCommand;
import dev.studybuddy.api.group.UnarchiveGroupCommand;
import dev.studybuddy.api.group.UnbanFromGroupCommand;
import dev.studybuddy.api.group.UnpinGroupMessageCommand;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.PinnedMessages;
import dev.studybuddy.command.chat.PostedMessage;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.chat.RecentReactions;
import dev.studybuddy.command.user.UserDirectory;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A study group: its details, its {@link Roster} (the authority on who may do what in it), its chat and
 * its {@link StudySession}s. Chat makes its stream long, so it is snapshotted and cached (see
 * GroupConfiguration); snapshots are Jackson documents of these fields. Of the chat it keeps only its
 * latest messages ({@link RecentMessages}), so that neither its memory nor its snapshot grows with the
 * conversation.
 */
@Aggregate(snapshotTriggerDefinition = GroupConfiguration.SNAPSHOT_TRIGGER, cache = GroupConfiguration.CACHE)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Group {

    @AggregateIdentifier
    private UUID groupId;

    private String name;
    private String description;
    private GroupVisibility visibility;
    private JoinPolicy joinPolicy;
    private int capacity;
    private boolean archived;
    /** Unwrapped, so that snapshots keep the roster at the top of the document, as before it was a class. */
    @AggregateMember
    @JsonUnwrapped
    private Roster roster = new Roster();

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, StudySession> sessions = new HashMap<>();

    private RecentMessages recentMessages = new RecentMessages();
    /** Left out of a snapshot while empty, so that a group without pins writes the document it always wrote. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private PinnedMessages pinnedMessages = new PinnedMessages();

    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RecentReactions.WhenEmpty.class)
    private RecentReactions recentReactions = new RecentReactions();

    protected Group() {}

    @CommandHandler
    public Group(CreateGroupCommand command) {
        apply(new GroupCreatedEvent(
                command.groupId(),
                command.ownerId(),
                command.name(),
                command.description(),
                command.visibility(),
                command.joinPolicy(),
                command.capacity()));
        apply(new MemberJoinedEvent(command.groupId(), command.ownerId(), GroupRole.OWNER, JoinRoute.CREATED));
    }

    @CommandHandler
    public void handle(ChangeGroupDetailsCommand command) {
        requireNotArchived();
        boolean moderation = roster.requireManager(command.actor());
        int newCapacity = command.capacity() != null ? command.capacity() : capacity;
        if (newCapacity < roster.size()) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED, "Capacity cannot be below the current " + roster.size() + " members.");
        }
        GroupDetailsChangedEvent changed = new GroupDetailsChangedEvent(
                groupId,
                Objects.requireNonNullElse(command.name(), name),
                Objects.requireNonNullElse(command.description(), description),
                Objects.requireNonNullElse(command.visibility(), visibility),
                Objects.requireNonNullElse(command.joinPolicy(), joinPolicy),
                newCapacity,
                command.actor().userId(),
                moderation);
        if (changed.name().equals(name)
                && changed.description().equals(description)
                && changed.visibility() == visibility
                && changed.joinPolicy() == joinPolicy
                && newCapacity == capacity) {
            return;
        }
        apply(changed);
    }

    @CommandHandler
    public void handle(ArchiveGroupCommand command) {
        if (archived) {
            return;
        }
        boolean byOwner = roster.isOwner(command.actor().userId());
        if (!byOwner && !command.actor().platformModerator()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the owner archives a group.");
        }
        apply(new GroupArchivedEvent(groupId, command.actor().userId(), !byOwner));
    }

    @CommandHandler
    public void handle(UnarchiveGroupCommand command) {
        roster.requireOwner(command.actor(), "Only the owner unarchives a group.");
        if (archived) {
            apply(new GroupUnarchivedEvent(groupId, command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(TransferOwnershipCommand command) {
        requireNotArchived();
        roster.requireOwner(command.actor(), "Only the owner hands over ownership.");
        GroupRole heir = roster.roleOf(command.newOwnerId());
        if (heir == null || heir == GroupRole.OWNER) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "Ownership goes to another member of the group.");
        }
        apply(new OwnershipTransferredEvent(groupId, roster.ownerId(), command.newOwnerId()));
    }

    @CommandHandler
    public JoinOutcome handle(JoinGroupCommand command) {
        requireNotArchived();
        UUID userId = command.userId();
        roster.requireMayJoin(userId);
        if (roster.isInvited(userId)) {
            admitByInvitation(userId);
            return JoinOutcome.JOINED;
        }
        return switch (joinPolicy) {
            case OPEN -> {
                roster.requireSeatFree(capacity);
                apply(new MemberJoinedEvent(groupId, userId, GroupRole.MEMBER, JoinRoute.OPEN));
                yield JoinOutcome.JOINED;
            }
            case APPROVAL -> {
                if (roster.hasAskedToJoin(userId)) {
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

    @CommandHandler
    public void handle(LeaveGroupCommand command) {
        requireNotArchived();
        roster.requireMember(command.userId());
        if (roster.isOwner(command.userId())) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED,
                    "The owner leaves only after handing ownership to another member, or archives the group.");
        }
        apply(new MemberLeftEvent(groupId, command.userId()));
    }

    @CommandHandler
    public void handle(
            InviteToGroupCommand command, UserDirectory users, DeadlineManager deadlines, GroupSettings settings) {
        requireNotArchived();
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins invite.");
        UUID invitee = command.inviteeId();
        roster.requireMayJoin(invitee);
        if (roster.isInvited(invitee)) {
            return;
        }
        if (users.statusOf(invitee) != UserDirectory.Status.ACTIVE) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such user.");
        }
        apply(new InvitationSentEvent(groupId, invitee, command.actor().userId()));
        deadlines.schedule(
                settings.invitationLifetime(),
                InvitationDeadline.NAME,
                new InvitationDeadline(invitee, roster.openInvitation(invitee)));
    }

    @DeadlineHandler(deadlineName = InvitationDeadline.NAME)
    void expire(InvitationDeadline deadline) {
        Integer open = roster.openInvitation(deadline.inviteeId());
        if (open != null && open == deadline.invitationNumber()) {
            apply(new InvitationExpiredEvent(groupId, deadline.inviteeId()));
        }
    }

    @CommandHandler
    public void handle(AcceptInvitationCommand command) {
        requireNotArchived();
        roster.requireInvitation(command.inviteeId());
        admitByInvitation(command.inviteeId());
    }

    @CommandHandler
    public void handle(DeclineInvitationCommand command) {
        requireNotArchived();
        roster.requireInvitation(command.inviteeId());
        apply(new InvitationDeclinedEvent(groupId, command.inviteeId()));
    }

    @CommandHandler
    public void handle(ApproveJoinRequestCommand command) {
        requireNotArchived();
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins approve join requests.");
        roster.requireJoinRequest(command.requesterId());
        roster.requireSeatFree(capacity);
        apply(new JoinRequestApprovedEvent(
                groupId, command.requesterId(), command.actor().userId()));
        apply(new MemberJoinedEvent(groupId, command.requesterId(), GroupRole.MEMBER, JoinRoute.APPROVAL));
    }

    @CommandHandler
    public void handle(RejectJoinRequestCommand command) {
        requireNotArchived();
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins reject join requests.");
        roster.requireJoinRequest(command.requesterId());
        apply(new JoinRequestRejectedEvent(
                groupId, command.requesterId(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(ChangeMemberRoleCommand command) {
        requireNotArchived();
        roster.requireOwner(command.actor(), "Only the owner changes roles.");
        GroupRole current = roster.requireMember(command.memberId());
        if (current == GroupRole.OWNER) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED, "The owner's role changes only by handing over ownership.");
        }
        if (current != command.role()) {
            apply(new MemberRoleChangedEvent(
                    groupId,
                    command.memberId(),
                    current,
                    command.role(),
                    command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(RemoveMemberCommand command) {
        requireNotArchived();
        GroupRole target = roster.roleOf(command.memberId());
        if (target == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such member.");
        }
        boolean moderation = roster.requireAuthorityOver(command.actor(), command.memberId(), target);
        apply(new MemberRemovedEvent(
                groupId, command.memberId(), command.actor().userId(), moderation));
    }

    @CommandHandler
    public void handle(BanFromGroupCommand command) {
        requireNotArchived();
        if (roster.isBanned(command.userId())) {
            return;
        }
        GroupRole target = roster.roleOf(command.userId());
        boolean moderation = target != null
                ? roster.requireAuthorityOver(command.actor(), command.userId(), target)
                : roster.requireManager(command.actor());
        apply(new UserBannedFromGroupEvent(
                groupId, command.userId(), command.actor().userId(), target != null, moderation));
    }

    @CommandHandler
    public void handle(UnbanFromGroupCommand command) {
        requireNotArchived();
        boolean moderation = roster.requireManager(command.actor());
        if (roster.isBanned(command.userId())) {
            apply(new UserUnbannedFromGroupEvent(
                    groupId, command.userId(), command.actor().userId(), moderation));
        }
    }

    /** @return the message's place in the conversation: the sequence number of its event */
    @CommandHandler
    public long handle(PostGroupMessageCommand command) {
        requireNotArchived();
        roster.requireMember(command.authorId());
        recentMessages.requireNew(command.messageId(), command.replyTo());
        apply(new GroupMessagePostedEvent(
                groupId,
                command.messageId(),
                command.authorId(),
                command.body(),
                command.replyTo(),
                roster.otherMembersAmong(command.mentions(), command.authorId()),
                command.attachments()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(EditGroupMessageCommand command, EditWindow editWindow) {
        requireNotArchived();
        PostedMessage message = recentMessages.requireEditableBy(command.messageId(), command.editorId());
        roster.requireMember(command.editorId());
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
            case ANOTHERS, FORGOTTEN ->
                apply(new GroupMessageDeletedEvent(
                        groupId, command.messageId(), actor.userId(), roster.requireManager(actor)));
            case OWN_AGAIN, ANOTHERS_AGAIN -> {
                return;
            }
        }
        if (pinnedMessages.isPinned(command.messageId())) {
            apply(new GroupMessageUnpinnedEvent(groupId, command.messageId(), actor.userId()));
        }
    }

    /** Members react to the latest messages; a reaction already given is not given again. */
    @CommandHandler
    public void handle(AddGroupReactionCommand command) {
        requireNotArchived();
        roster.requireMember(command.userId());
        if (recentReactions.requireAddable(command.messageId(), command.userId(), command.emoji(), recentMessages)) {
            apply(new GroupReactionAddedEvent(groupId, command.messageId(), command.userId(), command.emoji()));
        }
    }

    @CommandHandler
    public void handle(RemoveGroupReactionCommand command) {
        requireNotArchived();
        roster.requireMember(command.userId());
        if (recentReactions.requireRemovable(command.messageId(), command.userId(), command.emoji(), recentMessages)) {
            apply(new GroupReactionRemovedEvent(groupId, command.messageId(), command.userId(), command.emoji()));
        }
    }

    /** The owner and admins keep the group's pin board; pinning a pinned message again changes nothing. */
    @CommandHandler
    public void handle(PinGroupMessageCommand command) {
        requireNotArchived();
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins pin messages.");
        if (pinnedMessages.requirePinnable(command.messageId(), recentMessages)) {
            apply(new GroupMessagePinnedEvent(
                    groupId, command.messageId(), command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(UnpinGroupMessageCommand command) {
        requireNotArchived();
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins unpin messages.");
        if (pinnedMessages.isPinned(command.messageId())) {
            apply(new GroupMessageUnpinnedEvent(
                    groupId, command.messageId(), command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(ScheduleStudySessionCommand command) {
        requireNotArchived();
        roster.requireMember(command.schedulerId());
        if (sessions.containsKey(command.sessionId())) {
            throw new DomainException(ErrorCode.CONFLICT, "A session with this id exists already.");
        }
        StudySession.requireStartAhead(command.startsAt());
        apply(new StudySessionScheduledEvent(
                groupId,
                command.sessionId(),
                command.schedulerId(),
                command.title(),
                command.startsAt(),
                command.durationMinutes()));
    }

    @CommandHandler
    public void handle(RescheduleStudySessionCommand command) {
        requireNotArchived();
        apply(changeableSession(command.sessionId(), command.actor()).rescheduled(command));
    }

    @CommandHandler
    public void handle(CancelStudySessionCommand command) {
        requireNotArchived();
        changeableSession(command.sessionId(), command.actor());
        apply(new StudySessionCancelledEvent(
                groupId, command.sessionId(), command.actor().userId()));
    }

    private StudySession changeableSession(UUID sessionId, Actor actor) {
        StudySession session = sessions.get(sessionId);
        if (session == null || session.isCancelled()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such study session.");
        }
        session.requireChangeableBy(actor.userId(), roster.isOwnerOrAdmin(actor.userId()));
        return session;
    }

    private void admitByInvitation(UUID invitee) {
        roster.requireSeatFree(capacity);
        apply(new InvitationAcceptedEvent(groupId, invitee));
        apply(new MemberJoinedEvent(groupId, invitee, GroupRole.MEMBER, JoinRoute.INVITATION));
    }

    private void requireNotArchived() {
        if (archived) {
            throw new DomainException(ErrorCode.GROUP_ARCHIVED, "The group is archived.");
        }
    }

    @EventSourcingHandler
    void on(GroupCreatedEvent event) {
        groupId = event.groupId();
        setDetails(event.name(), event.description(), event.visibility(), event.joinPolicy(), event.capacity());
    }

    @EventSourcingHandler
    void on(GroupDetailsChangedEvent event) {
        setDetails(event.name(), event.description(), event.visibility(), event.joinPolicy(), event.capacity());
    }

    private void setDetails(
            String newName,
            String newDescription,
            GroupVisibility newVisibility,
            JoinPolicy newJoinPolicy,
            int newCapacity) {
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
    void on(GroupMessagePostedEvent event, @Timestamp Instant postedAt) {
        recentMessages.posted(event.messageId(), event.authorId(), postedAt).ifPresent(recentReactions::forget);
    }

    @EventSourcingHandler
    void on(GroupMessageDeletedEvent event) {
        recentMessages.deleted(event.messageId());
        recentReactions.forget(event.messageId());
    }

    @EventSourcingHandler
    void on(GroupReactionAddedEvent event) {
        recentReactions.added(event.messageId(), event.userId(), event.emoji());
    }

    @EventSourcingHandler
    void on(GroupReactionRemovedEvent event) {
        recentReactions.removed(event.messageId(), event.userId(), event.emoji());
    }

    @EventSourcingHandler
    void on(GroupMessagePinnedEvent event) {
        pinnedMessages.pinned(event.messageId());
    }

    @EventSourcingHandler
    void on(GroupMessageUnpinnedEvent event) {
        pinnedMessages.unpinned(event.messageId());
    }

    @EventSourcingHandler
    void on(StudySessionScheduledEvent event) {
        sessions.put(event.sessionId(), new StudySession(event));
    }

    /** A session's id is its key in the snapshot; the session itself leaves it out (see StudySession). */
    @JsonProperty("sessions")
    private void readSessionsOfASnapshot(Map<UUID, StudySession> read) {
        sessions = new HashMap<>();
        read.forEach((sessionId, session) -> sessions.put(sessionId, session.identifiedAs(sessionId)));
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
                    recentMessages.posted(
                            entry.getKey(),
                            entry.getValue().authorId(),
                            entry.getValue().postedAt());
                    if (entry.getValue().deleted()) {
                        recentMessages.deleted(entry.getKey());
                    }
                });
    }
}
