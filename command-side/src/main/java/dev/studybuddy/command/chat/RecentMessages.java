package dev.studybuddy.command.chat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
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
 * <p>
 * The rules both conversations keep for posts, replies, edits and deletions live here too, so that a group
 * and a pair of friends decide alike; each adds only who may write in it and, for deletions, who moderates.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RecentMessages {

    /** Covers the edit window (15 minutes) of a conversation posting up to about one message a second. */
    public static final int CAPACITY = 1_000;

    private LinkedHashMap<UUID, PostedMessage> latest = new LinkedHashMap<>();
    private boolean complete = true;

    /** @return the message this one made the conversation forget, if any */
    public Optional<UUID> posted(UUID messageId, UUID authorId, Instant postedAt) {
        latest.put(messageId, new PostedMessage(authorId, postedAt, false));
        if (latest.size() > CAPACITY) {
            Iterator<UUID> oldest = latest.keySet().iterator();
            UUID forgotten = oldest.next();
            oldest.remove();
            complete = false;
            return Optional.of(forgotten);
        }
        return Optional.empty();
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

    /** A new message has an id of its own, and a reply answers one of the latest messages that is not deleted. */
    public void requireNew(UUID messageId, UUID replyTo) {
        if (remembers(messageId)) {
            throw new DomainException(ErrorCode.CONFLICT, "A message with this id exists already.");
        }
        if (replyTo == null) {
            return;
        }
        PostedMessage answered = latest.get(replyTo);
        if (answered == null) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED,
                    "A reply must answer one of the latest " + CAPACITY + " messages of this conversation.");
        }
        if (answered.deleted()) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "A reply cannot answer a deleted message.");
        }
    }

    /**
     * Only its author edits a message, and only one of the latest: an older one is past its edit window, or
     * was never posted. Whether the window is still open is {@link EditWindow}'s to say.
     */
    public PostedMessage requireEditableBy(UUID messageId, UUID editorId) {
        PostedMessage message = latest.get(messageId);
        if (message == null && !complete) {
            throw new DomainException(ErrorCode.EDIT_WINDOW_CLOSED, "This message can no longer be edited.");
        }
        if (message == null || message.deleted()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such message.");
        }
        if (!message.authorId().equals(editorId)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the author edits a message.");
        }
        return message;
    }

    /**
     * One of the latest messages, not deleted: what can be acted on (pinned). Of an unknown one the conversation
     * cannot tell, once it has forgotten a message, whether it is older or none at all.
     *
     * @param olderRefusal why a message older than the latest is refused
     */
    public PostedMessage requireLive(UUID messageId, String olderRefusal) {
        PostedMessage message = latest.get(messageId);
        if (message == null && !complete) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, olderRefusal);
        }
        if (message == null || message.deleted()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such message.");
        }
        return message;
    }

    /** @throws DomainException NOT_FOUND for a message that was never posted, while that can be told */
    public Deletion deletionBy(UUID messageId, UUID userId) {
        PostedMessage message = latest.get(messageId);
        if (message == null) {
            if (complete) {
                throw new DomainException(ErrorCode.NOT_FOUND, "No such message.");
            }
            return Deletion.FORGOTTEN;
        }
        boolean own = message.authorId().equals(userId);
        if (message.deleted()) {
            return own ? Deletion.OWN_AGAIN : Deletion.ANOTHERS_AGAIN;
        }
        return own ? Deletion.OWN : Deletion.ANOTHERS;
    }
}
