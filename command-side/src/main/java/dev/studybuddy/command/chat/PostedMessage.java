package dev.studybuddy.command.chat;

import java.time.Instant;
import java.util.UUID;

/** What an aggregate remembers of each message of its conversation to decide edits and deletions. */
public record PostedMessage(UUID authorId, Instant postedAt, boolean deleted) {

    public PostedMessage asDeleted() {
        return new PostedMessage(authorId, postedAt, true);
    }
}
