package dev.studybuddy.query.chat;

import java.time.Instant;
import java.util.UUID;

/** A row of a user's direct conversations list: who with, and when it last had a new message. */
public record DirectConversationEntry(UUID otherUserId, String conversationId, Instant lastAt) {

    /** The keyset position of the list (latest first, then conversation id). */
    public record Key(Instant lastAt, String conversationId) {}
}
