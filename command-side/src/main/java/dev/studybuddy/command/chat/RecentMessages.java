package dev.studybuddy.command.chat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

/**
 * What a conversation (a group's, or a pair's) remembers of its messages to decide posts, replies, edits
 * and deletions: its latest {@value #CAPACITY} messages, exactly, in the order they were posted. Older
 * ones are forgotten, so that the aggregate, its snapshot and the cost of loading it stay the same however
 * long the conversation grows (docs/adr/0007-bounded-aggregates.md).
 * <p>
 * Until a message is forgotten the record is complete, and a message it does not hold was never posted.
 * After that, a message it does not hold is either an older one or none at all: {@link #isComplete()} lets
 * the aggregate answer such a message by the rules for older messages.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RecentMessages {

    /** Covers the edit window (15 minutes) of a conversation posting up to about one message a second. */
    public static final int CAPACITY = 1_000;

    private LinkedHashMap<UUID, PostedMessage> latest = new LinkedHashMap<>();
    private boolean complete = true;

    public void posted(UUID messageId, UUID authorId, Instant postedAt) {
        latest.put(messageId, new PostedMessage(authorId, postedAt, false));
        if (latest.size() > CAPACITY) {
            Iterator<UUID> oldest = latest.keySet().iterator();
            oldest.next();
            oldest.remove();
            complete = false;
        }
    }

    public void deleted(UUID messageId) {
        latest.computeIfPresent(messageId, (id, message) -> message.asDeleted());
    }

    /** @return the message, if it is one of the latest */
    public Optional<PostedMessage> find(UUID messageId) {
        return Optional.ofNullable(latest.get(messageId));
    }

    public boolean remembers(UUID messageId) {
        return latest.containsKey(messageId);
    }

    /** @return whether no message was forgotten yet, so that an unknown message was never posted */
    public boolean isComplete() {
        return complete;
    }

    public int size() {
        return latest.size();
    }
}
