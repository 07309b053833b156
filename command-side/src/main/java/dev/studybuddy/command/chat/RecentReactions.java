package dev.studybuddy.command.chat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.studybuddy.api.chat.ReactionRules;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who reacted with what to a conversation's latest messages, exactly, so that a reaction is given once and a message
 * carries at most {@link ReactionRules#MAX_EMOJI_PER_MESSAGE} different emoji. Bounded like {@link RecentMessages}
 * (docs/adr/0016-pins-and-reactions-in-bounded-aggregates.md): reactions go with the message the conversation forgets,
 * and it holds at most {@value #CAPACITY} reactions; beyond them, the reactions of the message first reacted to longest
 * ago are forgotten, and that message is <em>closed</em>: its reactions stay as the views show them, unchangeable.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RecentReactions {

    /** Ten on each of the latest 1,000 messages, or 500 on each of the latest 20; about 50 bytes of snapshot each. */
    public static final int CAPACITY = 10_000;

    /** Message → emoji → who; messages in the order of their first reaction, emoji in the order first given. */
    private LinkedHashMap<UUID, LinkedHashMap<String, LinkedHashSet<UUID>>> byMessage = new LinkedHashMap<>();

    private LinkedHashSet<UUID> closed = new LinkedHashSet<>();
    private int size;

    /**
     * @return whether the reaction is new (a repeat changes nothing)
     * @throws DomainException for a message that is deleted, unknown, older than the latest or closed; or when the
     *                         emoji would be one too many on the message
     */
    public boolean requireAddable(UUID messageId, UUID userId, String emoji, RecentMessages recent) {
        recent.requireLive(messageId, "Only the latest " + RecentMessages.CAPACITY + " messages take reactions.");
        requireOpen(messageId);
        Map<String, LinkedHashSet<UUID>> reactions = byMessage.getOrDefault(messageId, new LinkedHashMap<>());
        Set<UUID> users = reactions.get(emoji);
        if (users != null && users.contains(userId)) {
            return false;
        }
        if (users == null && reactions.size() >= ReactionRules.MAX_EMOJI_PER_MESSAGE) {
            throw new DomainException(
                    ErrorCode.REACTION_LIMIT_REACHED,
                    "A message carries at most " + ReactionRules.MAX_EMOJI_PER_MESSAGE
                            + " different emoji; react with one of those.");
        }
        return true;
    }

    /**
     * @return whether the user had given that reaction (taking back one not given changes nothing)
     * @throws DomainException for a message whose reactions the conversation no longer knows
     */
    public boolean requireRemovable(UUID messageId, UUID userId, String emoji, RecentMessages recent) {
        if (!recent.remembers(messageId) && !recent.isComplete()) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED,
                    "Only the reactions on the latest " + RecentMessages.CAPACITY + " messages can be changed.");
        }
        requireOpen(messageId);
        Set<UUID> users =
                byMessage.getOrDefault(messageId, new LinkedHashMap<>()).get(emoji);
        return users != null && users.contains(userId);
    }

    public void added(UUID messageId, UUID userId, String emoji) {
        if (byMessage
                .computeIfAbsent(messageId, id -> new LinkedHashMap<>())
                .computeIfAbsent(emoji, key -> new LinkedHashSet<>())
                .add(userId)) {
            size++;
        }
        while (size > CAPACITY) {
            Iterator<Map.Entry<UUID, LinkedHashMap<String, LinkedHashSet<UUID>>>> eldest =
                    byMessage.entrySet().iterator();
            Map.Entry<UUID, LinkedHashMap<String, LinkedHashSet<UUID>>> entry = eldest.next();
            size -= count(entry.getValue());
            eldest.remove();
            closed.add(entry.getKey());
        }
    }

    public void removed(UUID messageId, UUID userId, String emoji) {
        LinkedHashMap<String, LinkedHashSet<UUID>> reactions = byMessage.get(messageId);
        if (reactions == null
                || !reactions.containsKey(emoji)
                || !reactions.get(emoji).remove(userId)) {
            return;
        }
        size--;
        if (reactions.get(emoji).isEmpty()) {
            reactions.remove(emoji);
        }
        if (reactions.isEmpty()) {
            byMessage.remove(messageId);
        }
    }

    /** A message deleted, or forgotten by the conversation: its reactions need deciding no more. */
    public void forget(UUID messageId) {
        LinkedHashMap<String, LinkedHashSet<UUID>> reactions = byMessage.remove(messageId);
        if (reactions != null) {
            size -= count(reactions);
        }
        closed.remove(messageId);
    }

    public int size() {
        return size;
    }

    private void requireOpen(UUID messageId) {
        if (closed.contains(messageId)) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED, "The reactions on this message can no longer be changed.");
        }
    }

    private static int count(Map<String, LinkedHashSet<UUID>> reactions) {
        return reactions.values().stream().mapToInt(Set::size).sum();
    }

    /** For {@code @JsonInclude(CUSTOM)}: a conversation without reactions leaves them out of its snapshot. */
    public static final class WhenEmpty {

        @Override
        public boolean equals(Object value) {
            return value instanceof RecentReactions reactions
                    && reactions.byMessage.isEmpty()
                    && reactions.closed.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
