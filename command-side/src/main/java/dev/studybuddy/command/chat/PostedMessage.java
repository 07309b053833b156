package dev.studybuddy.command.chat;

import java.time.Instant;
import java.util.UUID;

/** What a conversation remembers of one of its latest messages ({@link RecentMessages}) to decide edits and deletions. */
public record PostedMessage(UUID authorId, Instant postedAt, boolean deleted) {

    public PostedMessage asDeleted() {
        return new PostedMessage(authorId, postedAt, true);
    }
}
