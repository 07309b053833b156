package dev.studybuddy.query.chat;

import dev.studybuddy.api.friendship.DirectReactionAddedEvent;
import dev.studybuddy.api.friendship.DirectReactionRemovedEvent;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.api.group.GroupReactionRemovedEvent;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.realtime.LiveUpdate;
import dev.studybuddy.query.realtime.RealtimeUpdates;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Reactions given or taken back: each changes its message (its {@code changeSeq}) in the chat views and is
 * announced as {@code reaction.changed}. Part of the {@code chat} processor, with {@link ChatProjection}, which resets
 * the views.
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
class ReactionsProjection {

    private final ChatViews views;
    private final RealtimeUpdates updates;

    ReactionsProjection(ChatViews views, RealtimeUpdates updates) {
        this.views = views;
        this.updates = updates;
    }

    @EventHandler
    void on(GroupReactionAddedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        groupReaction(event.groupId(), event.messageId(), event.userId(), event.emoji(), true, seq, replay);
    }

    @EventHandler
    void on(GroupReactionRemovedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        groupReaction(event.groupId(), event.messageId(), event.userId(), event.emoji(), false, seq, replay);
    }

    @EventHandler
    void on(DirectReactionAddedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        directReaction(event.friendshipId(), event.messageId(), event.userId(), event.emoji(), true, seq, replay);
    }

    @EventHandler
    void on(DirectReactionRemovedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        directReaction(event.friendshipId(), event.messageId(), event.userId(), event.emoji(), false, seq, replay);
    }

    private void groupReaction(
            UUID groupId, UUID messageId, UUID userId, String emoji, boolean added, long seq, ReplayStatus replay) {
        String conversationId = Conversations.group(groupId);
        views.reacted(conversationId, seq, messageId, userId, emoji, added)
                .filter(count -> !replay.isReplay())
                .ifPresent(count -> updates.toGroup(
                        groupId,
                        new LiveUpdate.ReactionChanged(conversationId, seq, messageId, userId, emoji, added, count)));
    }

    private void directReaction(
            String friendshipId,
            UUID messageId,
            UUID userId,
            String emoji,
            boolean added,
            long seq,
            ReplayStatus replay) {
        String conversationId = Conversations.direct(friendshipId);
        views.reacted(conversationId, seq, messageId, userId, emoji, added)
                .filter(count -> !replay.isReplay())
                .ifPresent(count -> updates.toPair(
                        friendshipId,
                        new LiveUpdate.ReactionChanged(conversationId, seq, messageId, userId, emoji, added, count)));
    }
}
