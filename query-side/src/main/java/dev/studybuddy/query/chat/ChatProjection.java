package dev.studybuddy.query.chat;

import dev.studybuddy.api.file.FileDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageEditedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectReadPositionAdvancedEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberLeftEvent;
import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.api.membership.ReadPositionAdvancedEvent;
import dev.studybuddy.platform.personaldata.ErasedAuthors;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.realtime.LiveUpdate;
import dev.studybuddy.query.realtime.RealtimeUpdates;
import dev.studybuddy.query.user.PrivacySettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The chat views in MongoDB ({@link ChatViews}) from the message events of the Group and Friendship
 * streams and the read positions of Membership and Friendship, and the live updates for the WebSocket
 * clients, which {@link RealtimeUpdates} publishes on Redis once the batch that wrote the views has
 * committed, without the handlers ever waiting on Redis (never during a replay: {@link ReplayStatus}). A message's
 * {@code seq} is its event's sequence number in its stream. Group roster changes only produce live
 * updates ({@code member.joined}, {@code member.left}; the latter also ends the member's subscriptions), and
 * so does the deletion of a file that messages carry ({@code attachment.removed}). A direct read position that
 * moves forward is told to the other friend alone ({@code read.advanced}), when both share read receipts. Pins and
 * reactions are {@link PinsProjection} and {@link ReactionsProjection}, in the same processor. Frames of posted,
 * edited and deleted messages are made once their batch has committed, from what it wrote ({@link MessageWrites}).
 * Registered in {@link ChatProcessorConfiguration} (Mongo token store, ApplyOnce positions).
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
public class ChatProjection {

    public static final String PROCESSING_GROUP = "chat";

    private final ChatViews views;
    private final ChatReadPositions readPositions;
    private final DirectConversations directs;
    private final RealtimeUpdates updates;
    private final ProjectionPositions positions;
    private final PrivacySettings privacy;
    private final ErasedAuthors erasedAuthors;

    ChatProjection(
            ChatViews views,
            ChatReadPositions readPositions,
            DirectConversations directs,
            RealtimeUpdates updates,
            ProjectionPositions positions,
            PrivacySettings privacy,
            ErasedAuthors erasedAuthors) {
        this.views = views;
        this.readPositions = readPositions;
        this.directs = directs;
        this.updates = updates;
        this.positions = positions;
        this.privacy = privacy;
        this.erasedAuthors = erasedAuthors;
    }

    @EventHandler
    void on(GroupMessagePostedEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.group(event.groupId());
        Supplier<Optional<ChatMessageView>> posted = views.posted(
                conversationId,
                seq,
                event.messageId(),
                event.authorId(),
                event.body(),
                event.mentions(),
                event.replyTo(),
                event.attachments(),
                at);
        toGroup(event.groupId(), LiveUpdate.MessagePosted::new, conversationId, replay, posted);
    }

    @EventHandler
    void on(GroupMessageEditedEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.group(event.groupId());
        views.edited(conversationId, seq, event.messageId(), event.body(), at);
        toGroup(event.groupId(), LiveUpdate.MessageEdited::new, conversationId, event.messageId(), seq, replay);
    }

    @EventHandler
    void on(GroupMessageDeletedEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.group(event.groupId());
        views.deleted(conversationId, seq, event.messageId(), at);
        toGroup(event.groupId(), LiveUpdate.MessageDeleted::new, conversationId, event.messageId(), seq, replay);
    }

    @EventHandler
    void on(DirectMessageSentEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.direct(event.friendshipId());
        Supplier<Optional<ChatMessageView>> posted = views.posted(
                conversationId,
                seq,
                event.messageId(),
                event.senderId(),
                event.body(),
                null,
                event.replyTo(),
                event.attachments(),
                at);
        directs.record(event.senderId(), event.recipientId(), conversationId, seq, at);
        directs.record(event.recipientId(), event.senderId(), conversationId, seq, at);
        toPair(event.friendshipId(), LiveUpdate.MessagePosted::new, conversationId, replay, posted);
    }

    @EventHandler
    void on(DirectMessageEditedEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.direct(event.friendshipId());
        views.edited(conversationId, seq, event.messageId(), event.body(), at);
        toPair(event.friendshipId(), LiveUpdate.MessageEdited::new, conversationId, event.messageId(), seq, replay);
    }

    @EventHandler
    void on(DirectMessageDeletedEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.direct(event.friendshipId());
        views.deleted(conversationId, seq, event.messageId(), at);
        toPair(event.friendshipId(), LiveUpdate.MessageDeleted::new, conversationId, event.messageId(), seq, replay);
    }

    /** Tells the conversations whose messages carry the file; their views show it removed from now on. */
    @EventHandler
    void on(FileDeletedEvent event, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        for (ChatMessageView message : views.carrying(event.fileId())) {
            String conversationId = message.conversationId();
            LiveUpdate removed = new LiveUpdate.AttachmentRemoved(
                    conversationId, message.seq(), message.messageId(), event.fileId());
            if (Conversations.isGroup(conversationId)) {
                updates.toGroup(Conversations.groupOf(conversationId), removed);
            } else {
                updates.toPair(Conversations.friendshipOf(conversationId), removed);
            }
        }
    }

    @EventHandler
    void on(ReadPositionAdvancedEvent event) {
        readPositions.read(Conversations.group(event.groupId()), event.userId(), event.seq());
    }

    @EventHandler
    void on(DirectReadPositionAdvancedEvent event, ReplayStatus replay) {
        String conversationId = Conversations.direct(event.friendshipId());
        if (!readPositions.read(conversationId, event.userId(), event.seq()) || replay.isReplay()) {
            return;
        }
        UUID friend = Conversations.participants(event.friendshipId()).stream()
                .filter(user -> !user.equals(event.userId()))
                .findFirst()
                .orElseThrow();
        if (privacy.withoutReceipts(List.of(event.userId(), friend)).isEmpty()) {
            updates.toUser(friend, new LiveUpdate.ReadAdvanced(conversationId, event.userId(), event.seq()));
        }
    }

    @EventHandler
    void on(MemberJoinedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        if (!replay.isReplay()) {
            updates.toGroup(
                    event.groupId(),
                    new LiveUpdate.MemberJoined(Conversations.group(event.groupId()), seq, event.userId()));
        }
    }

    @EventHandler
    void on(MemberLeftEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        left(event.groupId(), event.userId(), LiveUpdate.Departure.LEFT, seq, replay);
    }

    @EventHandler
    void on(MemberRemovedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        left(event.groupId(), event.userId(), LiveUpdate.Departure.REMOVED, seq, replay);
    }

    @EventHandler
    void on(UserBannedFromGroupEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        left(event.groupId(), event.userId(), LiveUpdate.Departure.BANNED, seq, replay);
    }

    @ResetHandler
    void reset() {
        views.drop();
        readPositions.drop();
        directs.drop();
        positions.forget(PROCESSING_GROUP);
    }

    private void toGroup(
            UUID groupId, MessageFrame frame, String conversationId, UUID messageId, long seq, ReplayStatus replay) {
        Optional<ChatMessageView> changed = changedNow(conversationId, messageId, seq, replay);
        toGroup(groupId, frame, conversationId, replay, () -> changed);
    }

    private void toGroup(
            UUID groupId,
            MessageFrame frame,
            String conversationId,
            ReplayStatus replay,
            Supplier<Optional<ChatMessageView>> changed) {
        if (replay.isReplay()) {
            return;
        }
        updates.toGroupOnceCommitted(
                groupId,
                () -> changed.get()
                        .map(this::withoutWhatTheBatchTookAway)
                        .map(message -> frame.of(conversationId, message.seq(), message)));
    }

    private void toPair(
            String friendshipId,
            MessageFrame frame,
            String conversationId,
            UUID messageId,
            long seq,
            ReplayStatus replay) {
        Optional<ChatMessageView> changed = changedNow(conversationId, messageId, seq, replay);
        toPair(friendshipId, frame, conversationId, replay, () -> changed);
    }

    /**
     * The message as an edit or deletion leaves it, read at once: by the time the batch commits, a later change in it
     * (a deletion right after an edit) would leave the edit nothing to announce.
     */
    private Optional<ChatMessageView> changedNow(String conversationId, UUID messageId, long seq, ReplayStatus replay) {
        return replay.isReplay() ? Optional.empty() : views.changedBy(conversationId, messageId, seq);
    }

    private void toPair(
            String friendshipId,
            MessageFrame frame,
            String conversationId,
            ReplayStatus replay,
            Supplier<Optional<ChatMessageView>> changed) {
        if (replay.isReplay()) {
            return;
        }
        updates.toPairOnceCommitted(
                friendshipId,
                () -> changed.get()
                        .map(this::withoutWhatTheBatchTookAway)
                        .map(message -> frame.of(conversationId, message.seq(), message)));
    }

    /**
     * Without the body of an author the batch found erased as it committed (their key destroyed after a handler had
     * read the text with it): the views' copy was taken away then, and a frame is made after the commit from what the
     * batch wrote, so it would have carried the text to every subscriber.
     */
    private ChatMessageView withoutWhatTheBatchTookAway(ChatMessageView message) {
        return erasedAuthors.foundErasedInThisBatch(message.senderId()) ? message.withoutBody() : message;
    }

    private void left(UUID groupId, UUID userId, LiveUpdate.Departure reason, long seq, ReplayStatus replay) {
        if (!replay.isReplay()) {
            updates.toGroup(groupId, new LiveUpdate.MemberLeft(Conversations.group(groupId), seq, userId, reason));
        }
    }

    /** One of the {@code message.posted|edited|deleted} frames, which carry the message as it now stands. */
    @FunctionalInterface
    private interface MessageFrame {
        LiveUpdate of(String conversationId, long seq, ChatMessageView message);
    }
}
