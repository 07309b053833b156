package dev.studybuddy.query.support;

import dev.studybuddy.api.group.GroupArchivedEvent;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.InvitationAcceptedEvent;
import dev.studybuddy.api.group.InvitationDeclinedEvent;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.JoinRequestApprovedEvent;
import dev.studybuddy.api.group.JoinRequestRejectedEvent;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.group.UserUnbannedFromGroupEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestComponent;

import java.util.UUID;

/**
 * Writes the events command-side's Group aggregate emits for each decision, with the seat that follows
 * a creation, an approval or an accepted invitation appended together with it, as the aggregate does.
 */
@TestComponent
public class Groups {

    public static final String AGGREGATE_TYPE = "Group";

    private final EventStore eventStore;

    Groups(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Created create(UUID owner, String name, GroupVisibility visibility, JoinPolicy joinPolicy, int capacity) {
        UUID groupId = UUID.randomUUID();
        ConsistencyToken token = publish(groupId,
                new GroupCreatedEvent(groupId, owner, name, "About " + name, visibility, joinPolicy, capacity),
                new MemberJoinedEvent(groupId, owner, GroupRole.OWNER, JoinRoute.CREATED));
        return new Created(groupId, token);
    }

    public ConsistencyToken join(UUID groupId, UUID user) {
        return publish(groupId, new MemberJoinedEvent(groupId, user, GroupRole.MEMBER, JoinRoute.OPEN));
    }

    public ConsistencyToken requestToJoin(UUID groupId, UUID user) {
        return publish(groupId, new JoinRequestedEvent(groupId, user));
    }

    public ConsistencyToken approve(UUID groupId, UUID user, UUID by) {
        return publish(groupId, new JoinRequestApprovedEvent(groupId, user, by),
                new MemberJoinedEvent(groupId, user, GroupRole.MEMBER, JoinRoute.APPROVAL));
    }

    public ConsistencyToken reject(UUID groupId, UUID user, UUID by) {
        return publish(groupId, new JoinRequestRejectedEvent(groupId, user, by));
    }

    public ConsistencyToken invite(UUID groupId, UUID invitee, UUID by) {
        return publish(groupId, new InvitationSentEvent(groupId, invitee, by));
    }

    public ConsistencyToken acceptInvitation(UUID groupId, UUID invitee) {
        return publish(groupId, new InvitationAcceptedEvent(groupId, invitee),
                new MemberJoinedEvent(groupId, invitee, GroupRole.MEMBER, JoinRoute.INVITATION));
    }

    public ConsistencyToken declineInvitation(UUID groupId, UUID invitee) {
        return publish(groupId, new InvitationDeclinedEvent(groupId, invitee));
    }

    public ConsistencyToken changeRole(UUID groupId, UUID member, GroupRole previous, GroupRole role, UUID by) {
        return publish(groupId, new MemberRoleChangedEvent(groupId, member, previous, role, by));
    }

    public ConsistencyToken transferOwnership(UUID groupId, UUID previousOwner, UUID newOwner) {
        return publish(groupId, new OwnershipTransferredEvent(groupId, previousOwner, newOwner));
    }

    public ConsistencyToken leave(UUID groupId, UUID member) {
        return publish(groupId, new MemberLeftEvent(groupId, member));
    }

    public ConsistencyToken remove(UUID groupId, UUID member, UUID by) {
        return publish(groupId, new MemberRemovedEvent(groupId, member, by, false));
    }

    public ConsistencyToken ban(UUID groupId, UUID user, UUID by, boolean wasMember) {
        return publish(groupId, new UserBannedFromGroupEvent(groupId, user, by, wasMember, false));
    }

    public ConsistencyToken unban(UUID groupId, UUID user, UUID by) {
        return publish(groupId, new UserUnbannedFromGroupEvent(groupId, user, by, false));
    }

    public ConsistencyToken archive(UUID groupId, UUID by) {
        return publish(groupId, new GroupArchivedEvent(groupId, by, false));
    }

    public ConsistencyToken changeDetails(UUID groupId, String name, GroupVisibility visibility, JoinPolicy joinPolicy,
                                          int capacity, UUID by) {
        return publish(groupId, new GroupDetailsChangedEvent(groupId, name, "About " + name, visibility, joinPolicy,
                capacity, by, false));
    }

    /** Any events of the group's stream, as they are: also those the aggregate would never emit. */
    public ConsistencyToken publish(UUID groupId, Object... events) {
        return EventLog.append(eventStore, AGGREGATE_TYPE, groupId.toString(), events);
    }

    public record Created(UUID groupId, ConsistencyToken token) {
    }
}
