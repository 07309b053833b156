package dev.studybuddy.command.chat;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessagePinnedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectMessageUnpinnedEvent;
import dev.studybuddy.api.friendship.DirectReactionAddedEvent;
import dev.studybuddy.api.friendship.DirectReactionRemovedEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessagePinnedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupMessageUnpinnedEvent;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.api.group.GroupReactionRemovedEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * A conversation, a group's or a pair's, as its aggregate decides it: the rules both keep for posting, replying,
 * editing, deleting, pinning and reacting, and what they need to know for it, bounded however long the conversation
 * grows ({@link RecentMessages}, {@link PinnedMessages}, {@link RecentReactions}; docs/adr/0007 and 0016).
 * <p>
 * The aggregate adds its own rules (who may write in it, who may delete whose message) and names its events; the
 * conversation applies them when its rules allow, in the order the views expect. It is an aggregate member that
 * builds itself from the events of either kind of conversation. Its aggregate unwraps it into its snapshot, so that
 * the document stays the one it wrote while it held these fields itself.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Conversation {

    private RecentMessages recentMessages = new RecentMessages();
    /** Left out of a snapshot while empty, so that a conversation without pins writes the document it always wrote. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private PinnedMessages pinnedMessages = new PinnedMessages();

    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RecentReactions.WhenEmpty.class)
    private RecentReactions recentReactions = new RecentReactions();

    /**
     * A new message has an id of its own, and a reply answers one of the latest messages that is not deleted.
     *
     * @return the message's place in the conversation: the sequence number of its event
     */
    public long post(UUID messageId, UUID replyTo, Supplier<?> posted) {
        recentMessages.requireNew(messageId, replyTo);
        apply(posted.get());
        return AggregateLifecycle.getVersion();
    }

    /**
     * Only its author edits a message, one of the latest, while its edit window is open.
     *
     * @param requireWriter the aggregate's rule on who may write in it, checked once the message is the editor's own
     */
    public void edit(UUID messageId, UUID editorId, EditWindow window, Runnable requireWriter, Supplier<?> edited) {
        PostedMessage message = recentMessages.requireEditableBy(messageId, editorId);
        requireWriter.run();
        window.requireOpenFor(message);
        apply(edited.get());
    }

    /** What a request to delete the message is; who may make which is the aggregate's rule. */
    public Deletion deletionBy(UUID messageId, UUID userId) {
        return recentMessages.deletionBy(messageId, userId);
    }

    /** Deleting a pinned message unpins it, so that the views and the frames need no rule of their own. */
    public void delete(UUID messageId, Object deleted, Supplier<?> unpinned) {
        apply(deleted);
        unpin(messageId, unpinned);
    }

    /** Pinning a pinned message again changes nothing. */
    public void pin(UUID messageId, Supplier<?> pinned) {
        if (pinnedMessages.requirePinnable(messageId, recentMessages)) {
            apply(pinned.get());
        }
    }

    /** Unpinning a message that is not pinned changes nothing. */
    public void unpin(UUID messageId, Supplier<?> unpinned) {
        if (pinnedMessages.isPinned(messageId)) {
            apply(unpinned.get());
        }
    }

    /** Reactions go to the latest messages; a reaction already given is not given again. */
    public void addReaction(UUID messageId, UUID userId, String emoji, Supplier<?> added) {
        if (recentReactions.requireAddable(messageId, userId, emoji, recentMessages)) {
            apply(added.get());
        }
    }

    /** The first of the reaction's {@code forms} the user gave is taken back; taking back one not given changes nothing. */
    public void removeReaction(UUID messageId, UUID userId, List<String> forms, Function<String, ?> removed) {
        for (String emoji : forms) {
            if (recentReactions.requireRemovable(messageId, userId, emoji, recentMessages)) {
                apply(removed.apply(emoji));
                return;
            }
        }
    }

    @EventSourcingHandler
    void on(GroupMessagePostedEvent event, @Timestamp Instant postedAt) {
        posted(event.messageId(), event.authorId(), postedAt);
    }

    @EventSourcingHandler
    void on(DirectMessageSentEvent event, @Timestamp Instant sentAt) {
        posted(event.messageId(), event.senderId(), sentAt);
    }

    private void posted(UUID messageId, UUID authorId, Instant postedAt) {
        recentMessages.posted(messageId, authorId, postedAt).ifPresent(recentReactions::forget);
    }

    @EventSourcingHandler
    void on(GroupMessageDeletedEvent event) {
        deleted(event.messageId());
    }

    @EventSourcingHandler
    void on(DirectMessageDeletedEvent event) {
        deleted(event.messageId());
    }

    private void deleted(UUID messageId) {
        recentMessages.deleted(messageId);
        recentReactions.forget(messageId);
    }

    @EventSourcingHandler
    void on(GroupMessagePinnedEvent event) {
        pinnedMessages.pinned(event.messageId());
    }

    @EventSourcingHandler
    void on(DirectMessagePinnedEvent event) {
        pinnedMessages.pinned(event.messageId());
    }

    @EventSourcingHandler
    void on(GroupMessageUnpinnedEvent event) {
        pinnedMessages.unpinned(event.messageId());
    }

    @EventSourcingHandler
    void on(DirectMessageUnpinnedEvent event) {
        pinnedMessages.unpinned(event.messageId());
    }

    @EventSourcingHandler
    void on(GroupReactionAddedEvent event) {
        recentReactions.added(event.messageId(), event.userId(), event.emoji());
    }

    @EventSourcingHandler
    void on(DirectReactionAddedEvent event) {
        recentReactions.added(event.messageId(), event.userId(), event.emoji());
    }

    @EventSourcingHandler
    void on(GroupReactionRemovedEvent event) {
        recentReactions.removed(event.messageId(), event.userId(), event.emoji());
    }

    @EventSourcingHandler
    void on(DirectReactionRemovedEvent event) {
        recentReactions.removed(event.messageId(), event.userId(), event.emoji());
    }

    /**
     * A group's snapshots taken before it kept only its latest messages hold all of them under "messages": read into
     * the bounded record, in the order they were posted, so that such a snapshot decides as a replay of the stream
     * would (docs/adr/0007-bounded-aggregates.md).
     */
    @JsonProperty("messages")
    private void readAllMessagesOfAnOlderSnapshot(Map<UUID, PostedMessage> all) {
        recentMessages = new RecentMessages();
        all.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().postedAt()))
                .forEach(entry -> {
                    recentMessages.posted(
                            entry.getKey(),
                            entry.getValue().authorId(),
                            entry.getValue().postedAt());
                    if (entry.getValue().deleted()) {
                        recentMessages.deleted(entry.getKey());
                    }
                });
    }
}
