package dev.studybuddy.testing.scenarios;

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
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.InvitationAcceptedEvent;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.JoinGroupCommand;
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
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.api.group.TransferOwnershipCommand;
import dev.studybuddy.api.group.UnbanFromGroupCommand;
import dev.studybuddy.api.group.UnpinGroupMessageCommand;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The decisions of command-side's Group aggregate and the events it emits for each, for a group in
 * the state the decision expects (the actor may do it; the user is, or is not, a member). Every one
 * of them is checked against the aggregate by {@link GroupScenarios} and command-side's
 * GroupScenariosTest; a flag that depends on the state (a removal as moderation, a ban of a member)
 * is the caller's to give. Acts by a platform moderator who holds no group role are covered only where
 * a decision says so.
 */
public final class GroupDecisions {

    private GroupDecisions() {}

    /** The group, and its creator's seat as OWNER. */
    public static Decision create(
            UUID groupId,
            UUID owner,
            String name,
            String description,
            GroupVisibility visibility,
            JoinPolicy joinPolicy,
            int capacity) {
        return new Decision(
                () -> new CreateGroupCommand(groupId, owner, name, description, visibility, joinPolicy, capacity),
                new GroupCreatedEvent(groupId, owner, name, description, visibility, joinPolicy, capacity),
                new MemberJoinedEvent(groupId, owner, GroupRole.OWNER, JoinRoute.CREATED));
    }

    /** A user takes a seat in an OPEN group. */
    public static Decision join(UUID groupId, UUID user) {
        return new Decision(
                () -> new JoinGroupCommand(groupId, user),
                new MemberJoinedEvent(groupId, user, GroupRole.MEMBER, JoinRoute.OPEN));
    }

    /** A user asks to join an APPROVAL group. */
    public static Decision requestToJoin(UUID groupId, UUID user) {
        return new Decision(() -> new JoinGroupCommand(groupId, user), new JoinRequestedEvent(groupId, user));
    }

    /** The owner or an admin approves a request; the seat follows in the same append. */
    public static Decision approve(UUID groupId, UUID requester, UUID by) {
        return new Decision(
                () -> new ApproveJoinRequestCommand(groupId, Actor.member(by), requester),
                new JoinRequestApprovedEvent(groupId, requester, by),
                new MemberJoinedEvent(groupId, requester, GroupRole.MEMBER, JoinRoute.APPROVAL));
    }

    public static Decision reject(UUID groupId, UUID requester, UUID by) {
        return new Decision(
                () -> new RejectJoinRequestCommand(groupId, Actor.member(by), requester),
                new JoinRequestRejectedEvent(groupId, requester, by));
    }

    /** The owner or an admin invites an active user (the aggregate also schedules the invitation's expiry). */
    public static Decision invite(UUID groupId, UUID invitee, UUID by) {
        return new Decision(
                () -> new InviteToGroupCommand(groupId, Actor.member(by), invitee),
                new InvitationSentEvent(groupId, invitee, by));
    }

    /** The invitee accepts; the seat follows in the same append. */
    public static Decision acceptInvitation(UUID groupId, UUID invitee) {
        return new Decision(
                () -> new AcceptInvitationCommand(groupId, invitee),
                new InvitationAcceptedEvent(groupId, invitee),
                new MemberJoinedEvent(groupId, invitee, GroupRole.MEMBER, JoinRoute.INVITATION));
    }

    /** No answer within the invitation's lifetime: the aggregate's deadline decides (GroupDeadlinesAndSessionsTest). */
    public static Decision invitationExpires(UUID groupId, UUID invitee) {
        return Decision.byDeadline(new InvitationExpiredEvent(groupId, invitee));
    }

    public static Decision declineInvitation(UUID groupId, UUID invitee) {
        return new Decision(
                () -> new DeclineInvitationCommand(groupId, invitee), new InvitationDeclinedEvent(groupId, invitee));
    }

    /** The owner gives a member holding {@code previous} the {@code role}. */
    public static Decision changeRole(UUID groupId, UUID member, GroupRole previous, GroupRole role, UUID by) {
        return new Decision(
                () -> new ChangeMemberRoleCommand(groupId, Actor.member(by), member, role),
                new MemberRoleChangedEvent(groupId, member, previous, role, by));
    }

    public static Decision transferOwnership(UUID groupId, UUID owner, UUID newOwner) {
        return new Decision(
                () -> new TransferOwnershipCommand(groupId, Actor.member(owner), newOwner),
                new OwnershipTransferredEvent(groupId, owner, newOwner));
    }

    public static Decision leave(UUID groupId, UUID member) {
        return new Decision(() -> new LeaveGroupCommand(groupId, member), new MemberLeftEvent(groupId, member));
    }

    /** The owner or an admin removes a member below them: not moderation. */
    public static Decision remove(UUID groupId, UUID member, UUID by) {
        return new Decision(
                () -> new RemoveMemberCommand(groupId, Actor.member(by), member),
                new MemberRemovedEvent(groupId, member, by, false));
    }

    /** The owner or an admin bans a member below them, or a user who is no member. */
    public static Decision ban(UUID groupId, UUID user, UUID by, boolean wasMember) {
        return new Decision(
                () -> new BanFromGroupCommand(groupId, Actor.member(by), user),
                new UserBannedFromGroupEvent(groupId, user, by, wasMember, false));
    }

    public static Decision unban(UUID groupId, UUID user, UUID by) {
        return new Decision(
                () -> new UnbanFromGroupCommand(groupId, Actor.member(by), user),
                new UserUnbannedFromGroupEvent(groupId, user, by, false));
    }

    /** The owner archives the group. */
    public static Decision archive(UUID groupId, UUID owner) {
        return new Decision(
                () -> new ArchiveGroupCommand(groupId, Actor.member(owner)),
                new GroupArchivedEvent(groupId, owner, false));
    }

    /** The owner or an admin sets every detail (at least one of them new). */
    public static Decision changeDetails(
            UUID groupId,
            String name,
            String description,
            GroupVisibility visibility,
            JoinPolicy joinPolicy,
            int capacity,
            UUID by) {
        return new Decision(
                () -> new ChangeGroupDetailsCommand(
                        groupId, Actor.member(by), name, description, visibility, joinPolicy, capacity),
                new GroupDetailsChangedEvent(groupId, name, description, visibility, joinPolicy, capacity, by, false));
    }

    /** A member posts a message that neither replies nor mentions nor attaches. */
    public static Decision post(UUID groupId, UUID messageId, UUID author, String body) {
        return post(groupId, messageId, author, body, null, List.of(), List.of());
    }

    /**
     * A member posts a message, perhaps a reply to one of the latest messages; {@code mentions} are other
     * members of the group, each once (the aggregate drops anyone else), {@code attachments} distinct files.
     */
    public static Decision post(
            UUID groupId,
            UUID messageId,
            UUID author,
            String body,
            UUID replyTo,
            List<UUID> mentions,
            List<UUID> attachments) {
        return new Decision(
                () -> new PostGroupMessageCommand(groupId, messageId, author, body, replyTo, mentions, attachments),
                new GroupMessagePostedEvent(
                        groupId, messageId, author, body, replyTo, List.copyOf(mentions), List.copyOf(attachments)));
    }

    /** The author edits their message within the edit window. */
    public static Decision edit(UUID groupId, UUID messageId, UUID author, String body) {
        return new Decision(
                () -> new EditGroupMessageCommand(groupId, messageId, author, body),
                new GroupMessageEditedEvent(groupId, messageId, body));
    }

    /**
     * A message that is not pinned is deleted: by its author, the owner or an admin ({@code moderation}
     * false), or by a platform moderator who is none of them ({@code moderation} true).
     */
    public static Decision delete(UUID groupId, UUID messageId, UUID by, boolean moderation) {
        Actor actor = moderation ? new Actor(by, true) : Actor.member(by);
        return new Decision(
                () -> new DeleteGroupMessageCommand(groupId, messageId, actor),
                new GroupMessageDeletedEvent(groupId, messageId, by, moderation));
    }

    /** Its author deletes a pinned message, which unpins it in the same append. */
    public static Decision deletePinned(UUID groupId, UUID messageId, UUID author) {
        return new Decision(
                () -> new DeleteGroupMessageCommand(groupId, messageId, Actor.member(author)),
                new GroupMessageDeletedEvent(groupId, messageId, author, false),
                new GroupMessageUnpinnedEvent(groupId, messageId, author));
    }

    /** The owner or an admin pins one of the latest messages. */
    public static Decision pin(UUID groupId, UUID messageId, UUID by) {
        return new Decision(
                () -> new PinGroupMessageCommand(groupId, messageId, Actor.member(by)),
                new GroupMessagePinnedEvent(groupId, messageId, by));
    }

    public static Decision unpin(UUID groupId, UUID messageId, UUID by) {
        return new Decision(
                () -> new UnpinGroupMessageCommand(groupId, messageId, Actor.member(by)),
                new GroupMessageUnpinnedEvent(groupId, messageId, by));
    }

    public static Decision react(UUID groupId, UUID messageId, UUID user, String emoji) {
        return new Decision(
                () -> new AddGroupReactionCommand(groupId, messageId, user, emoji),
                new GroupReactionAddedEvent(groupId, messageId, user, emoji));
    }

    public static Decision unreact(UUID groupId, UUID messageId, UUID user, String emoji) {
        return new Decision(
                () -> new RemoveGroupReactionCommand(groupId, messageId, user, emoji),
                new GroupReactionRemovedEvent(groupId, messageId, user, emoji));
    }

    /** A member schedules a session that starts in the future. */
    public static Decision scheduleSession(
            UUID groupId, UUID sessionId, UUID scheduler, String title, Instant startsAt, int durationMinutes) {
        return new Decision(
                () -> new ScheduleStudySessionCommand(groupId, sessionId, scheduler, title, startsAt, durationMinutes),
                new StudySessionScheduledEvent(groupId, sessionId, scheduler, title, startsAt, durationMinutes));
    }

    /** Its scheduler, the owner or an admin gives a session that has not started new values, all of them. */
    public static Decision rescheduleSession(
            UUID groupId, UUID sessionId, UUID by, String title, Instant startsAt, int durationMinutes) {
        return new Decision(
                () -> new RescheduleStudySessionCommand(
                        groupId, sessionId, Actor.member(by), title, startsAt, durationMinutes),
                new StudySessionRescheduledEvent(groupId, sessionId, title, startsAt, durationMinutes, by));
    }

    /** Its scheduler, the owner or an admin cancels a session that has not started. */
    public static Decision cancelSession(UUID groupId, UUID sessionId, UUID by) {
        return new Decision(
                () -> new CancelStudySessionCommand(groupId, sessionId, Actor.member(by)),
                new StudySessionCancelledEvent(groupId, sessionId, by));
    }
}
