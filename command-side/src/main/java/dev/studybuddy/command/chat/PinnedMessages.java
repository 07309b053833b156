package dev.studybuddy.command.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.studybuddy.api.chat.MessageRules;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The messages pinned in a conversation (a group's, or a pair's): at most {@link MessageRules#MAX_PINS}, so that
 * like {@link RecentMessages} it stays the same size however long the conversation grows. A pinned message may
 * grow older than the latest messages and stay pinned; only a message still among them can be pinned, since of an
 * older one the conversation no longer knows whether it exists or was deleted. In a snapshot it is the list of
 * pinned ids, oldest pin first.
 */
public final class PinnedMessages {

    private final LinkedHashSet<UUID> pinned;

    public PinnedMessages() {
        this(Set.of());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    PinnedMessages(Collection<UUID> pinned) {
        this.pinned = new LinkedHashSet<>(pinned);
    }

    public boolean isPinned(UUID messageId) {
        return pinned.contains(messageId);
    }

    /**
     * A message is pinned once: pinning it again is no change.
     *
     * @return whether pinning the message changes anything
     * @throws DomainException for a message that is not one of the latest, or deleted; or when the board is full
     */
    public boolean requirePinnable(UUID messageId, RecentMessages recent) {
        if (isPinned(messageId)) {
            return false;
        }
        recent.requireLive(messageId, "Only one of the latest " + RecentMessages.CAPACITY + " messages can be pinned.");
        if (pinned.size() >= MessageRules.MAX_PINS) {
            throw new DomainException(
                    ErrorCode.PIN_LIMIT_REACHED,
                    "At most " + MessageRules.MAX_PINS + " messages are pinned at once; unpin one first.");
        }
        return true;
    }

    public void pinned(UUID messageId) {
        pinned.add(messageId);
    }

    public void unpinned(UUID messageId) {
        pinned.remove(messageId);
    }

    public int size() {
        return pinned.size();
    }

    @JsonValue
    Set<UUID> ids() {
        return pinned;
    }
}
