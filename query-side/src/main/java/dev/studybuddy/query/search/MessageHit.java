package dev.studybuddy.query.search;

import java.time.Instant;
import java.util.UUID;

/**
 * One message a search found. {@code snippet} is the part of the body around the matches, HTML-escaped, with
 * each match inside {@code <mark>…</mark>} (the only markup it ever holds); {@code seq} places the message in
 * its conversation's history ({@code GET …/messages?beforeSeq=seq+1} shows it in context).
 */
record MessageHit(
        UUID messageId,
        String conversationId,
        long seq,
        UUID senderId,
        String snippet,
        Instant postedAt,
        Instant editedAt) {}
