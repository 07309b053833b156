package dev.studybuddy.query.support;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestComponent;

/**
 * Writes the events command-side's Group aggregate emits for each decision, as the shared
 * {@link GroupDecisions} build them (command-side's GroupScenariosTest checks those against the
 * aggregate): the seat that follows a creation, an approval or an accepted invitation is appended
 * together with it, as the aggregate does.
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
        ConsistencyToken token = write(
                groupId,
                GroupDecisions.create(groupId, owner, name, "About " + name, visibility, joinPolicy, capacity));
        return new Created(groupId, token);
    }

    public ConsistencyToken join(UUID groupId, UUID user) {
        return write(groupId, GroupDecisions.join(groupId, user));
    }

    public ConsistencyToken requestToJoin(UUID groupId, UUID user) {
        return write(groupId, GroupDecisions.requestToJoin(groupId, user));
    }

    public ConsistencyToken approve(UUID groupId, UUID user, UUID by) {
        return write(groupId, GroupDecisions.approve(groupId, user, by));
    }

    public ConsistencyToken reject(UUID groupId, UUID user, UUID by) {
        return write(groupId, GroupDecisions.reject(groupId, user, by));
    }

    public ConsistencyToken invite(UUID groupId, UUID invitee, UUID by) {
        return write(groupId, GroupDecisions.invite(groupId, invitee, by));
    }

    public ConsistencyToken invitationExpires(UUID groupId, UUID invitee) {
        return write(groupId, GroupDecisions.invitationExpires(groupId, invitee));
    }

    public ConsistencyToken acceptInvitation(UUID groupId, UUID invitee) {
        return write(groupId, GroupDecisions.acceptInvitation(groupId, invitee));
    }

    public ConsistencyToken declineInvitation(UUID groupId, UUID invitee) {
        return write(groupId, GroupDecisions.declineInvitation(groupId, invitee));
    }

    public ConsistencyToken changeRole(UUID groupId, UUID member, GroupRole previous, GroupRole role, UUID by) {
        return write(groupId, GroupDecisions.changeRole(groupId, member, previous, role, by));
    }

    public ConsistencyToken transferOwnership(UUID groupId, UUID previousOwner, UUID newOwner) {
        return write(groupId, GroupDecisions.transferOwnership(groupId, previousOwner, newOwner));
    }

    public ConsistencyToken leave(UUID groupId, UUID member) {
        return write(groupId, GroupDecisions.leave(groupId, member));
    }

    public ConsistencyToken remove(UUID groupId, UUID member, UUID by) {
        return write(groupId, GroupDecisions.remove(groupId, member, by));
    }

    public ConsistencyToken ban(UUID groupId, UUID user, UUID by, boolean wasMember) {
        return write(groupId, GroupDecisions.ban(groupId, user, by, wasMember));
    }

    public ConsistencyToken unban(UUID groupId, UUID user, UUID by) {
        return write(groupId, GroupDecisions.unban(groupId, user, by));
    }

    public ConsistencyToken archive(UUID groupId, UUID by) {
        return write(groupId, GroupDecisions.archive(groupId, by));
    }

    public ConsistencyToken changeDetails(
            UUID groupId, String name, GroupVisibility visibility, JoinPolicy joinPolicy, int capacity, UUID by) {
        return write(
                groupId,
                GroupDecisions.changeDetails(groupId, name, "About " + name, visibility, joinPolicy, capacity, by));
    }

    /** The events of the aggregate's decisions, in one append (the events of one decision always share one). */
    public ConsistencyToken write(UUID groupId, Decision... decisions) {
        return publish(
                groupId,
                Stream.of(decisions)
                        .flatMap(decision -> decision.events().stream())
                        .toArray());
    }

    /** Any events of the group's stream, as they are: also those the aggregate would never emit. */
    public ConsistencyToken publish(UUID groupId, Object... events) {
        return EventLog.append(eventStore, AGGREGATE_TYPE, groupId.toString(), events);
    }

    public record Created(UUID groupId, ConsistencyToken token) {}
}
