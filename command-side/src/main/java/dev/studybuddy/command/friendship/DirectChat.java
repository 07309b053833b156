package dev.studybuddy.command.friendship;

import dev.studybuddy.api.chat.ReactionRules;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.friendship.AddDirectReactionCommand;
import dev.studybuddy.api.friendship.DeleteDirectMessageCommand;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageEditedEvent;
import dev.studybuddy.api.friendship.DirectMessagePinnedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectMessageUnpinnedEvent;
import dev.studybuddy.api.friendship.DirectReactionAddedEvent;
import dev.studybuddy.api.friendship.DirectReactionRemovedEvent;
import dev.studybuddy.api.friendship.EditDirectMessageCommand;
import dev.studybuddy.api.friendship.PinDirectMessageCommand;
import dev.studybuddy.api.friendship.RemoveDirectReactionCommand;
import dev.studybuddy.api.friendship.SendDirectMessageCommand;
import dev.studybuddy.api.friendship.UnpinDirectMessageCommand;
import dev.studybuddy.command.chat.Conversation;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.RecentMessages;

/**
 * A pair's own rules for its {@link Conversation}, on top of those every conversation keeps: friends write, pin and
 * react while neither blocks the other, and only the author deletes a message. Names the pair's events.
 *
 * @param friendsWithoutBlock whether the two are friends and neither blocks the other
 */
record DirectChat(String friendshipId, boolean friendsWithoutBlock, Conversation conversation) {

    /** @return the message's place in the conversation: the sequence number of its event */
    long send(SendDirectMessageCommand command) {
        requireFriendsWithoutBlock();
        return conversation.post(
                command.messageId(),
                command.replyTo(),
                () -> new DirectMessageSentEvent(
                        friendshipId,
                        command.messageId(),
                        command.senderId(),
                        command.recipientId(),
                        command.body(),
                        command.replyTo(),
                        command.attachments()));
    }

    void edit(EditDirectMessageCommand command, EditWindow editWindow) {
        conversation.edit(
                command.messageId(),
                command.editorId(),
                editWindow,
                this::requireFriendsWithoutBlock,
                () -> new DirectMessageEditedEvent(friendshipId, command.messageId(), command.body()));
    }

    /**
     * The author deletes their message, also after the friendship ended, while it is one of the latest: of an
     * older one the pair no longer knows the author.
     */
    void delete(DeleteDirectMessageCommand command) {
        switch (conversation.deletionBy(command.messageId(), command.userId())) {
            case OWN ->
                conversation.delete(
                        command.messageId(),
                        new DirectMessageDeletedEvent(friendshipId, command.messageId(), command.userId()),
                        () -> new DirectMessageUnpinnedEvent(friendshipId, command.messageId(), command.userId()));
            case OWN_AGAIN -> {}
            case ANOTHERS ->
                throw new DomainException(ErrorCode.FORBIDDEN, "Only the author deletes a direct message.");
            case ANOTHERS_AGAIN -> throw new DomainException(ErrorCode.NOT_FOUND, "No such message.");
            case FORGOTTEN ->
                throw new DomainException(
                        ErrorCode.RULE_VIOLATED,
                        "Only the latest " + RecentMessages.CAPACITY + " messages of a conversation can be deleted.");
        }
    }

    void pin(PinDirectMessageCommand command) {
        requireFriendsWithoutBlock();
        conversation.pin(
                command.messageId(),
                () -> new DirectMessagePinnedEvent(friendshipId, command.messageId(), command.userId()));
    }

    void unpin(UnpinDirectMessageCommand command) {
        requireFriendsWithoutBlock();
        conversation.unpin(
                command.messageId(),
                () -> new DirectMessageUnpinnedEvent(friendshipId, command.messageId(), command.userId()));
    }

    void addReaction(AddDirectReactionCommand command) {
        requireFriendsWithoutBlock();
        conversation.addReaction(
                command.messageId(),
                command.userId(),
                command.emoji(),
                () -> new DirectReactionAddedEvent(
                        friendshipId, command.messageId(), command.userId(), command.emoji()));
    }

    void removeReaction(RemoveDirectReactionCommand command) {
        requireFriendsWithoutBlock();
        conversation.removeReaction(
                command.messageId(),
                command.userId(),
                ReactionRules.formsOf(command.emoji()),
                emoji -> new DirectReactionRemovedEvent(friendshipId, command.messageId(), command.userId(), emoji));
    }

    private void requireFriendsWithoutBlock() {
        if (!friendsWithoutBlock) {
            throw new DomainException(ErrorCode.NOT_FRIENDS, "You can only write to your friends.");
        }
    }
}
