package dev.studybuddy.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.AddGroupReactionCommand;
import dev.studybuddy.api.group.ApproveJoinRequestCommand;
import dev.studybuddy.api.group.ArchiveGroupCommand;
import dev.studybuddy.api.group.CancelStudySessionCommand;
import dev.studybuddy.api.group.ChangeGroupDetailsCommand;
import dev.studybuddy.api.group.CreateGroupCommand;
import dev.studybuddy.api.group.DeleteGroupMessageCommand;
import dev.studybuddy.api.group.EditGroupMessageCommand;
import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupUnarchivedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.HandOverOwnershipCommand;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.JoinGroupCommand;
import dev.studybuddy.api.group.JoinOutcome;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.PinGroupMessageCommand;
import dev.studybuddy.api.group.PostGroupMessageCommand;
import dev.studybuddy.api.group.RejectJoinRequestCommand;
import dev.studybuddy.api.group.RemoveGroupReactionCommand;
import dev.studybuddy.api.group.RescheduleStudySessionCommand;
import dev.studybuddy.api.group.ScheduleStudySessionCommand;
import dev.studybuddy.api.group.UnarchiveGroupCommand;
import dev.studybuddy.api.group.UnpinGroupMessageCommand;
import dev.studybuddy.command.chat.Conversation;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.config.AggregateLocks;
import dev.studybuddy.command.user.UserDirectory;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A study group: its details, and its parts, each an entity that keeps what it needs to decide and applies its own
 * events: the {@link Roster} (who belongs in which role: the authority on who may do what), the {@link Admissions}
 * (join requests and invitations), the {@link StudySessions} and the {@link Conversation} ({@link GroupChat} holds
 * the group's rules for it). The roster handles the commands that change only the roster; the group handles those
 * that need more than one part, and refuses every command while archived but to unarchive it.
 * <p>
 * Chat makes the stream long, so it is snapshotted and cached (see GroupConfiguration); snapshots are Jackson
 * documents of these fields, the parts unwrapped into the document the group wrote when it was one class
 * (GroupSnapshotDocumentTest).
 */
@Aggregate(
        snapshotTriggerDefinition = GroupConfiguration.SNAPSHOT_TRIGGER,
        cache = GroupConfiguration.CACHE,
        lockFactory = AggregateLocks.LOCK_FACTORY)
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

    @AggregateMember
    @JsonUnwrapped
    private Roster roster = new Roster();

    @AggregateMember
    @JsonUnwrapped
    private Admissions admissions = new Admissions();

    @AggregateMember
    private StudySessions sessions = new StudySessions();

    @AggregateMember
    @JsonUnwrapped
    private Conversation conversation = new Conversation();

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

    /**
     * Before every command to the group or to one of its parts; archiving an archived group changes nothing. A closed
     * owner's archived group still passes to the next member, who may unarchive it.
     */
    @CommandHandlerInterceptor
    void refuseWhileArchived(Object command) {
        if (archived
                && !(command instanceof ArchiveGroupCommand)
                && !(command instanceof UnarchiveGroupCommand)
                && !(command instanceof HandOverOwnershipCommand)) {
            throw new DomainException(ErrorCode.GROUP_ARCHIVED, "The group is archived.");
        }
    }

    /** Those who manage the group change its details; a field the command leaves out stays as it is. */
    @CommandHandler
    public void handle(ChangeGroupDetailsCommand command) {
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
        if (!changed.name().equals(name)
                || !changed.description().equals(description)
                || changed.visibility() != visibility
                || changed.joinPolicy() != joinPolicy
                || newCapacity != capacity) {
            apply(changed);
        }
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
    public JoinOutcome handle(JoinGroupCommand command) {
        return admissions.join(command, joinPolicy, roster, capacity);
    }

    @CommandHandler
    public void handle(
            InviteToGroupCommand command, UserDirectory users, DeadlineManager deadlines, GroupSettings settings) {
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins invite.");
        admissions.invite(command, roster, users, deadlines, settings.invitationLifetime());
    }

    @DeadlineHandler(deadlineName = InvitationDeadline.NAME)
    void expire(InvitationDeadline deadline) {
        admissions.expire(groupId, deadline);
    }

    @CommandHandler
    public void handle(AcceptInvitationCommand command) {
        admissions.accept(command, roster, capacity);
    }

    @CommandHandler
    public void handle(ApproveJoinRequestCommand command) {
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins approve join requests.");
        admissions.approve(command, roster, capacity);
    }

    @CommandHandler
    public void handle(RejectJoinRequestCommand command) {
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins reject join requests.");
        admissions.reject(command);
    }

    /** @return the message's place in the conversation: the sequence number of its event */
    @CommandHandler
    public long handle(PostGroupMessageCommand command) {
        return chat().post(command);
    }

    @CommandHandler
    public void handle(EditGroupMessageCommand command, EditWindow editWindow) {
        chat().edit(command, editWindow);
    }

    @CommandHandler
    public void handle(DeleteGroupMessageCommand command) {
        chat().delete(command);
    }

    @CommandHandler
    public void handle(AddGroupReactionCommand command) {
        chat().addReaction(command);
    }

    @CommandHandler
    public void handle(RemoveGroupReactionCommand command) {
        chat().removeReaction(command);
    }

    @CommandHandler
    public void handle(PinGroupMessageCommand command) {
        chat().pin(command);
    }

    @CommandHandler
    public void handle(UnpinGroupMessageCommand command) {
        chat().unpin(command);
    }

    private GroupChat chat() {
        return new GroupChat(roster, conversation);
    }

    /** Members schedule sessions. */
    @CommandHandler
    public void handle(ScheduleStudySessionCommand command) {
        roster.requireMember(command.schedulerId());
        sessions.schedule(command);
    }

    /** Its scheduler, the owner and admins change a session, while they are members (a leaver's stays as it is). */
    @CommandHandler
    public void handle(RescheduleStudySessionCommand command) {
        roster.requireMember(command.actor().userId());
        sessions.reschedule(command, roster.isOwnerOrAdmin(command.actor().userId()));
    }

    @CommandHandler
    public void handle(CancelStudySessionCommand command) {
        roster.requireMember(command.actor().userId());
        sessions.cancel(command, roster.isOwnerOrAdmin(command.actor().userId()));
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
}
