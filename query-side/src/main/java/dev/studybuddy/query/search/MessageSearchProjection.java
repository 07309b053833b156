package dev.studybuddy.query.search;

import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageEditedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.platform.personaldata.ErasedAuthors;
import dev.studybuddy.platform.personaldata.LockedTexts;
import dev.studybuddy.query.consistency.BatchedWrites;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.query.realtime.Conversations;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The message search index ({@code message_search}) from the message events of the Group and Friendship
 * streams: a post inserts the message, an edit rewrites its body, a deletion removes the row, so a deleted
 * message is never found. Rows carry the events' times, so a replay rebuilds identical rows; who may read
 * them is decided at query time ({@link MessageIndex}). A batch's posts are inserted together ({@link BatchedWrites}, one
 * round trip); an edit, a deletion or an erasure first writes the posts before it.
 */
@Component
@ProcessingGroup(MessageSearchProjection.PROCESSING_GROUP)
class MessageSearchProjection {

    static final String PROCESSING_GROUP = "message-search";

    private static final String INSERT = """
            INSERT INTO message_search (message_id, conversation_id, seq, sender_id, group_id, recipient_id, body, posted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;
    private final BatchedWrites<UUID, Object[]> inserts;
    private final ErasedAuthors erasedAuthors;
    private final LockedTexts indexedTexts;

    MessageSearchProjection(JdbcTemplate jdbc, ProjectionPositions positions, ErasedAuthors erasedAuthors) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.erasedAuthors = erasedAuthors;
        this.inserts = new BatchedWrites<>(
                "message_search",
                rows -> jdbc.batchUpdate(INSERT, rows),
                row -> jdbc.update(INSERT, row),
                (first, repeated) -> first,
                Clock.systemUTC());
        this.indexedTexts = new LockedTexts(
                jdbc,
                "message_search",
                inserts::flush,
                author -> jdbc.update("DELETE FROM message_search WHERE sender_id = ?", author));
    }

    @EventHandler
    void on(GroupMessagePostedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        insert(
                event.messageId(),
                Conversations.group(event.groupId()),
                seq,
                event.authorId(),
                event.groupId(),
                null,
                event.body(),
                at);
    }

    @EventHandler
    void on(GroupMessageEditedEvent event, @Timestamp Instant at) {
        edit(event.messageId(), Conversations.group(event.groupId()), event.body(), at);
    }

    @EventHandler
    void on(GroupMessageDeletedEvent event) {
        delete(event.messageId(), Conversations.group(event.groupId()));
    }

    @EventHandler
    void on(DirectMessageSentEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        insert(
                event.messageId(),
                Conversations.direct(event.friendshipId()),
                seq,
                event.senderId(),
                null,
                event.recipientId(),
                event.body(),
                at);
    }

    @EventHandler
    void on(DirectMessageEditedEvent event, @Timestamp Instant at) {
        edit(event.messageId(), Conversations.direct(event.friendshipId()), event.body(), at);
    }

    @EventHandler
    void on(DirectMessageDeletedEvent event) {
        delete(event.messageId(), Conversations.direct(event.friendshipId()));
    }

    /** None of an erased user's messages is found again; a replay reads their bodies as nothing (docs/adr/0019). */
    @EventHandler
    void on(UserErasedEvent event) {
        indexedTexts.takeAwayForErasure(event.userId());
    }

    @ResetHandler
    void reset() {
        inserts.flush();
        jdbc.update("DELETE FROM message_search");
        positions.forget(PROCESSING_GROUP);
    }

    private void insert(
            UUID messageId,
            String conversationId,
            long seq,
            UUID senderId,
            UUID groupId,
            UUID recipientId,
            String body,
            Instant at) {
        if (body == null) {
            return; // its author was erased: nothing to find
        }
        inserts.add(
                messageId,
                new Object[] {messageId, conversationId, seq, senderId, groupId, recipientId, body, utc(at)});
        erasedAuthors.storing(indexedTexts, senderId);
    }

    // Both keyed by the conversation too: an event names only messages of its own stream.
    private void edit(UUID messageId, String conversationId, String body, Instant at) {
        if (body == null) {
            delete(messageId, conversationId);
            return;
        }
        indexedTexts.beforeChanging();
        inserts.flush();
        jdbc.query(
                "UPDATE message_search SET body = ?, edited_at = ? WHERE message_id = ? AND conversation_id = ?"
                        + " RETURNING sender_id",
                row -> {
                    erasedAuthors.storing(indexedTexts, row.getObject(1, UUID.class));
                },
                body,
                utc(at),
                messageId,
                conversationId);
    }

    private void delete(UUID messageId, String conversationId) {
        indexedTexts.beforeChanging();
        inserts.flush();
        jdbc.update(
                "DELETE FROM message_search WHERE message_id = ? AND conversation_id = ?", messageId, conversationId);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
