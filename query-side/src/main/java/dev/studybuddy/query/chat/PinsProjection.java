package dev.studybuddy.query.chat;

import dev.studybuddy.api.friendship.DirectMessagePinnedEvent;
import dev.studybuddy.api.friendship.DirectMessageUnpinnedEvent;
import dev.studybuddy.api.group.GroupMessagePinnedEvent;
import dev.studybuddy.api.group.GroupMessageUnpinnedEvent;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.realtime.LiveUpdate;
import dev.studybuddy.query.realtime.RealtimeUpdates;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The pins of the chat views ({@code chat_pins}), announced as {@code message.pinned} / {@code message.unpinned}
 * with the seq of their event. Part of the {@code chat} processor, with {@link ChatProjection}; it drops the pins itself on a reset.
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
class PinsProjection {

    private final ChatPins pins;
    private final RealtimeUpdates updates;

    PinsProjection(ChatPins pins, RealtimeUpdates updates) {
        this.pins = pins;
        this.updates = updates;
    }

    @EventHandler
    void on(GroupMessagePinnedEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.group(event.groupId());
        pins.pinned(conversationId, seq, event.messageId(), event.pinnedBy(), at);
        if (!replay.isReplay()) {
            pins.pin(conversationId, event.messageId())
                    .ifPresent(pin -> updates.toGroup(event.groupId(), pinned(conversationId, seq, pin)));
        }
    }

    @EventHandler
    void on(GroupMessageUnpinnedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        String conversationId = Conversations.group(event.groupId());
        pins.unpinned(conversationId, event.messageId());
        if (!replay.isReplay()) {
            updates.toGroup(
                    event.groupId(),
                    new LiveUpdate.MessageUnpinned(conversationId, seq, event.messageId(), event.unpinnedBy()));
        }
    }

    @EventHandler
    void on(DirectMessagePinnedEvent event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        String conversationId = Conversations.direct(event.friendshipId());
        pins.pinned(conversationId, seq, event.messageId(), event.pinnedBy(), at);
        if (!replay.isReplay()) {
            pins.pin(conversationId, event.messageId())
                    .ifPresent(pin -> updates.toPair(event.friendshipId(), pinned(conversationId, seq, pin)));
        }
    }

    @EventHandler
    void on(DirectMessageUnpinnedEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        String conversationId = Conversations.direct(event.friendshipId());
        pins.unpinned(conversationId, event.messageId());
        if (!replay.isReplay()) {
            updates.toPair(
                    event.friendshipId(),
                    new LiveUpdate.MessageUnpinned(conversationId, seq, event.messageId(), event.unpinnedBy()));
        }
    }

    @ResetHandler
    void reset() {
        pins.drop();
    }

    /** A {@code message.pinned} frame: a pins list item but its seq, which the frame carries. */
    private static LiveUpdate pinned(String conversationId, long seq, PinnedMessageView pin) {
        return new LiveUpdate.MessagePinned(
                conversationId, seq, pin.messageId(), pin.pinnedBy(), pin.pinnedAt(), pin.message());
    }
}
