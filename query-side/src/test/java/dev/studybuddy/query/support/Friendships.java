package dev.studybuddy.query.support;

import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestCancelledEvent;
import dev.studybuddy.api.friendship.FriendRequestDeclinedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipEndedEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.api.friendship.UserUnblockedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestComponent;

/**
 * Writes the events command-side's Friendship aggregate emits for each decision, into the pair's
 * stream (aggregate type "Friendship", id {@link FriendshipId#of}).
 */
@TestComponent
public class Friendships {

    public static final String AGGREGATE_TYPE = "Friendship";

    private final EventStore eventStore;

    Friendships(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public ConsistencyToken request(UUID requester, UUID addressee) {
        return publish(
                requester, addressee, new FriendRequestSentEvent(id(requester, addressee), requester, addressee));
    }

    /** Also what a request crossing the pending one of {@code requester} produces. */
    public ConsistencyToken accept(UUID requester, UUID addressee) {
        return publish(
                requester, addressee, new FriendRequestAcceptedEvent(id(requester, addressee), requester, addressee));
    }

    public ConsistencyToken decline(UUID requester, UUID addressee) {
        return publish(
                requester, addressee, new FriendRequestDeclinedEvent(id(requester, addressee), requester, addressee));
    }

    public ConsistencyToken cancel(UUID requester, UUID addressee) {
        return publish(
                requester, addressee, new FriendRequestCancelledEvent(id(requester, addressee), requester, addressee));
    }

    public ConsistencyToken unfriend(UUID by, UUID formerFriend) {
        return publish(by, formerFriend, new FriendshipEndedEvent(id(by, formerFriend), by, formerFriend));
    }

    /** As the aggregate records it: whether the block ended a friendship, whose pending request it withdrew. */
    public ConsistencyToken block(UUID blocker, UUID blocked, boolean endedFriendship, UUID withdrawnRequestFrom) {
        return publish(
                blocker,
                blocked,
                new UserBlockedEvent(id(blocker, blocked), blocker, blocked, endedFriendship, withdrawnRequestFrom));
    }

    public ConsistencyToken unblock(UUID blocker, UUID blocked) {
        return publish(blocker, blocked, new UserUnblockedEvent(id(blocker, blocked), blocker, blocked));
    }

    public ConsistencyToken publish(UUID one, UUID other, Object event) {
        return EventLog.append(eventStore, AGGREGATE_TYPE, id(one, other), event);
    }

    private static String id(UUID one, UUID other) {
        return FriendshipId.of(one, other);
    }
}
