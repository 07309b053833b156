package dev.studybuddy.query.friendship;

import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestCancelledEvent;
import dev.studybuddy.api.friendship.FriendRequestDeclinedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipEndedEvent;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.api.friendship.UserUnblockedEvent;
import dev.studybuddy.query.consistency.ProjectionPositions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Friend requests, friendships and blocks, from the Friendship events (one aggregate per pair, so the
 * pair's friendship id keys every row). Applied once per event by ApplyOnce, with the events' times,
 * so a replay rebuilds identical rows.
 */
@Component
@ProcessingGroup(FriendshipsProjection.PROCESSING_GROUP)
class FriendshipsProjection {

    static final String PROCESSING_GROUP = "friendships";

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;

    FriendshipsProjection(JdbcTemplate jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(FriendRequestSentEvent event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO friend_requests (friendship_id, requester_id, addressee_id, sent_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (friendship_id) DO UPDATE
                SET requester_id = excluded.requester_id, addressee_id = excluded.addressee_id, sent_at = excluded.sent_at""", event.friendshipId(), event.requesterId(), event.addresseeId(), utc(at));
    }

    /** Also the answer to a request that crossed a pending one from the other side. */
    @EventHandler
    void on(FriendRequestAcceptedEvent event, @Timestamp Instant at) {
        withdrawRequest(event.friendshipId());
        String befriend = """
                INSERT INTO friends (user_id, friend_id, friendship_id, since) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, friend_id) DO UPDATE SET since = excluded.since""";
        jdbc.update(befriend, event.requesterId(), event.addresseeId(), event.friendshipId(), utc(at));
        jdbc.update(befriend, event.addresseeId(), event.requesterId(), event.friendshipId(), utc(at));
    }

    @EventHandler
    void on(FriendRequestDeclinedEvent event) {
        withdrawRequest(event.friendshipId());
    }

    @EventHandler
    void on(FriendRequestCancelledEvent event) {
        withdrawRequest(event.friendshipId());
    }

    @EventHandler
    void on(FriendshipEndedEvent event) {
        endFriendship(event.friendshipId());
    }

    /** A block ends the friendship or withdraws the pending request, whichever there was (the event says which). */
    @EventHandler
    void on(UserBlockedEvent event, @Timestamp Instant at) {
        if (event.endedFriendship()) {
            endFriendship(event.friendshipId());
        }
        if (event.withdrawnRequestFrom() != null) {
            withdrawRequest(event.friendshipId());
        }
        jdbc.update("""
                INSERT INTO blocks (blocker_id, blocked_id, friendship_id, blocked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (blocker_id, blocked_id) DO UPDATE SET blocked_at = excluded.blocked_at""", event.blockerId(), event.blockedId(), event.friendshipId(), utc(at));
    }

    @EventHandler
    void on(UserUnblockedEvent event) {
        jdbc.update("DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?", event.blockerId(), event.blockedId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM friend_requests");
        jdbc.update("DELETE FROM friends");
        jdbc.update("DELETE FROM blocks");
        positions.forget(PROCESSING_GROUP);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private void withdrawRequest(String friendshipId) {
        jdbc.update("DELETE FROM friend_requests WHERE friendship_id = ?", friendshipId);
    }

    private void endFriendship(String friendshipId) {
        jdbc.update("DELETE FROM friends WHERE friendship_id = ?", friendshipId);
    }
}
