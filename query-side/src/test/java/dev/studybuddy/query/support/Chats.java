package dev.studybuddy.query.support;

import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageEditedEvent;
import dev.studybuddy.api.friendship.DirectMessagePinnedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectMessageUnpinnedEvent;
import dev.studybuddy.api.friendship.DirectReactionAddedEvent;
import dev.studybuddy.api.friendship.DirectReactionRemovedEvent;
import dev.studybuddy.api.friendship.DirectReadPositionAdvancedEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.membership.MembershipId;
import dev.studybuddy.api.membership.ReadPositionAdvancedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.personaldata.PersonalDataContext;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestComponent;

/**
 * Writes the chat events command-side emits: group messages into the Group stream (as the shared
 * {@link GroupDecisions} build them), direct messages and
 * their read positions into the pair's Friendship stream, a member's read position into their
 * Membership stream. A message's seq is its event's sequence number. Appends from several threads to
 * one stream are retried when another thread took the sequence number first, as command-side retries
 * a losing append.
 */
@TestComponent
public class Chats {

    public static final String MEMBERSHIP_TYPE = "Membership";
    private static final int ATTEMPTS = 50;
    private static final UUID SOME_EDITOR = UUID.fromString("00000000-0000-4000-8000-00000000ed17");

    private final EventStore eventStore;

    Chats(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @return the posted message (its seq from the token) */
    public Posted post(UUID groupId, UUID author, String body) {
        UUID messageId = UUID.randomUUID();
        ConsistencyToken token = write(groupId, GroupDecisions.post(groupId, messageId, author, body));
        return new Posted(messageId, token.sequence(), token);
    }

    /**
     * Only the command names the editor; the event's body is sealed for whoever caused it (its actor), here a
     * stand-in editor of these tests' own.
     */
    public ConsistencyToken edit(UUID groupId, UUID messageId, String body) {
        return edit(groupId, messageId, SOME_EDITOR, body);
    }

    /** An edit by its author, as command-side appends it (the author caused it). */
    public ConsistencyToken edit(UUID groupId, UUID messageId, UUID author, String body) {
        return PersonalDataContext.withActor(
                author, () -> write(groupId, GroupDecisions.edit(groupId, messageId, author, body)));
    }

    public ConsistencyToken delete(UUID groupId, UUID messageId, UUID by, boolean moderation) {
        return write(groupId, GroupDecisions.delete(groupId, messageId, by, moderation));
    }

    public ConsistencyToken pin(UUID groupId, UUID messageId, UUID by) {
        return write(groupId, GroupDecisions.pin(groupId, messageId, by));
    }

    public ConsistencyToken unpin(UUID groupId, UUID messageId, UUID by) {
        return write(groupId, GroupDecisions.unpin(groupId, messageId, by));
    }

    /** The deletion of a pinned message, which unpins it in the same append, as the Group aggregate does. */
    public ConsistencyToken deletePinned(UUID groupId, UUID messageId, UUID by) {
        return write(groupId, GroupDecisions.deletePinned(groupId, messageId, by));
    }

    public ConsistencyToken react(UUID groupId, UUID messageId, UUID userId, String emoji) {
        return write(groupId, GroupDecisions.react(groupId, messageId, userId, emoji));
    }

    public ConsistencyToken unreact(UUID groupId, UUID messageId, UUID userId, String emoji) {
        return write(groupId, GroupDecisions.unreact(groupId, messageId, userId, emoji));
    }

    public ConsistencyToken markRead(UUID groupId, UUID userId, long seq) {
        String membershipId = MembershipId.of(groupId, userId);
        return append(MEMBERSHIP_TYPE, membershipId, new ReadPositionAdvancedEvent(membershipId, groupId, userId, seq));
    }

    public Posted sendDirect(UUID sender, UUID recipient, String body) {
        String friendshipId = FriendshipId.of(sender, recipient);
        UUID messageId = UUID.randomUUID();
        ConsistencyToken token = append(
                Friendships.AGGREGATE_TYPE,
                friendshipId,
                new DirectMessageSentEvent(friendshipId, messageId, sender, recipient, body, null, List.of()));
        return new Posted(messageId, token.sequence(), token);
    }

    /** {@code one} edits their message: the body is sealed for them, as command-side's append does. */
    public ConsistencyToken editDirect(UUID one, UUID other, UUID messageId, String body) {
        String friendshipId = FriendshipId.of(one, other);
        return PersonalDataContext.withActor(
                one,
                () -> append(
                        Friendships.AGGREGATE_TYPE,
                        friendshipId,
                        new DirectMessageEditedEvent(friendshipId, messageId, body)));
    }

    public ConsistencyToken deleteDirect(UUID by, UUID other, UUID messageId) {
        String friendshipId = FriendshipId.of(by, other);
        return append(
                Friendships.AGGREGATE_TYPE, friendshipId, new DirectMessageDeletedEvent(friendshipId, messageId, by));
    }

    public ConsistencyToken pinDirect(UUID by, UUID other, UUID messageId) {
        String friendshipId = FriendshipId.of(by, other);
        return append(
                Friendships.AGGREGATE_TYPE, friendshipId, new DirectMessagePinnedEvent(friendshipId, messageId, by));
    }

    public ConsistencyToken unpinDirect(UUID by, UUID other, UUID messageId) {
        String friendshipId = FriendshipId.of(by, other);
        return append(
                Friendships.AGGREGATE_TYPE, friendshipId, new DirectMessageUnpinnedEvent(friendshipId, messageId, by));
    }

    public ConsistencyToken reactDirect(UUID by, UUID other, UUID messageId, String emoji) {
        String friendshipId = FriendshipId.of(by, other);
        return append(
                Friendships.AGGREGATE_TYPE,
                friendshipId,
                new DirectReactionAddedEvent(friendshipId, messageId, by, emoji));
    }

    public ConsistencyToken unreactDirect(UUID by, UUID other, UUID messageId, String emoji) {
        String friendshipId = FriendshipId.of(by, other);
        return append(
                Friendships.AGGREGATE_TYPE,
                friendshipId,
                new DirectReactionRemovedEvent(friendshipId, messageId, by, emoji));
    }

    public ConsistencyToken markDirectRead(UUID reader, UUID other, long seq) {
        String friendshipId = FriendshipId.of(reader, other);
        return append(
                Friendships.AGGREGATE_TYPE,
                friendshipId,
                new DirectReadPositionAdvancedEvent(friendshipId, reader, seq));
    }

    private ConsistencyToken write(UUID groupId, Decision decision) {
        return append(
                Groups.AGGREGATE_TYPE, groupId.toString(), decision.events().toArray());
    }

    private ConsistencyToken append(String type, String aggregateId, Object... events) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return EventLog.append(eventStore, type, aggregateId, events);
            } catch (RuntimeException concurrentAppend) {
                last = concurrentAppend;
                Thread.onSpinWait();
            }
        }
        throw last;
    }

    public record Posted(UUID messageId, long seq, ConsistencyToken token) {}
}
