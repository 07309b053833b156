package dev.studybuddy.query.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A message pinned in a conversation, as {@code GET …/pins} lists it and {@code message.pinned} announces it:
 * {@code seq} is the sequence number of the event that pinned it (its place among the conversation's changes),
 * {@code message} the message as it stands (its own {@code seq} is its place in the history).
 */
public record PinnedMessageView(long seq, UUID messageId, UUID pinnedBy, Instant pinnedAt, ChatMessageView message) {}
