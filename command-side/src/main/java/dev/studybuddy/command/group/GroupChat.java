package dev.studybuddy.command.group;

import dev.studybuddy.api.chat.ReactionRules;
import dev.studybuddy.api.group.AddGroupReactionCommand;
import dev.studybuddy.api.group.DeleteGroupMessageCommand;
import dev.studybuddy.api.group.EditGroupMessageCommand;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePinnedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupMessageUnpinnedEvent;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.api.group.GroupReactionRemovedEvent;
import dev.studybuddy.api.group.PinGroupMessageCommand;
import dev.studybuddy.api.group.PostGroupMessageCommand;
import dev.studybuddy.api.group.RemoveGroupReactionCommand;
import dev.studybuddy.api.group.UnpinGroupMessageCommand;
import dev.studybuddy.command.chat.Conversation;
import dev.studybuddy.command.chat.EditWindow;

/**
 * A group's own rules for its {@link Conversation}, on top of those every conversation keeps: members write and
 * react, the owner and admins keep the pin board, and those who manage the group delete anybody's message. Names the
 * group's events; the group's roster and conversation hold what it decides from.
 */
record GroupChat(Roster roster, Conversation conversation) {

    /** @return the message's place in the conversation: the sequence number of its event */
    long post(PostGroupMessageCommand command) {
        roster.requireMember(command.authorId());
        return conversation.post(
                command.messageId(),
                command.replyTo(),
                () -> new GroupMessagePostedEvent(
                        command.groupId(),
                        command.messageId(),
                        command.authorId(),
                        command.body(),
                        command.replyTo(),
                        roster.otherMembersAmong(command.mentions(), command.authorId()),
                        command.attachments()));
    }

    /** Membership first: an outsider learns nothing of the group's messages, not even whose a message is. */
    void edit(EditGroupMessageCommand command, EditWindow editWindow) {
        roster.requireMember(command.editorId());
        conversation.edit(
                command.messageId(),
                command.editorId(),
                editWindow,
                () -> {},
                () -> new GroupMessageEditedEvent(command.groupId(), command.messageId(), command.body()));
    }

    /**
     * The author while a member, the owner, admins and platform moderators delete one of the latest messages. An
     * older one, which the group no longer remembers, only those who may delete anybody's message: its author is no
     * longer known here. Deleting a deleted message again changes nothing. An author who left, was removed or banned
     * no longer deletes (as they no longer edit): a banned author would take away what the moderators banned them for.
     * Membership is asked first, so that an outsider learns nothing of the group's messages (whether one exists, is
     * theirs, or was deleted already).
     */
    void delete(DeleteGroupMessageCommand command) {
        if (!command.actor().platformModerator()) {
            roster.requireMember(command.actor().userId());
        }
        switch (conversation.deletionBy(command.messageId(), command.actor().userId())) {
            case OWN -> delete(command, false);
            case ANOTHERS, FORGOTTEN -> delete(command, roster.requireManager(command.actor()));
            case OWN_AGAIN, ANOTHERS_AGAIN -> {}
        }
    }

    private void delete(DeleteGroupMessageCommand command, boolean moderation) {
        conversation.delete(
                command.messageId(),
                new GroupMessageDeletedEvent(
                        command.groupId(), command.messageId(), command.actor().userId(), moderation),
                () -> new GroupMessageUnpinnedEvent(
                        command.groupId(), command.messageId(), command.actor().userId()));
    }

    void addReaction(AddGroupReactionCommand command) {
        roster.requireMember(command.userId());
        conversation.addReaction(
                command.messageId(),
                command.userId(),
                command.emoji(),
                () -> new GroupReactionAddedEvent(
                        command.groupId(), command.messageId(), command.userId(), command.emoji()));
    }

    void removeReaction(RemoveGroupReactionCommand command) {
        roster.requireMember(command.userId());
        conversation.removeReaction(
                command.messageId(),
                command.userId(),
                ReactionRules.formsOf(command.emoji()),
                emoji ->
                        new GroupReactionRemovedEvent(command.groupId(), command.messageId(), command.userId(), emoji));
    }

    void pin(PinGroupMessageCommand command) {
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins pin messages.");
        conversation.pin(
                command.messageId(),
                () -> new GroupMessagePinnedEvent(
                        command.groupId(), command.messageId(), command.actor().userId()));
    }

    void unpin(UnpinGroupMessageCommand command) {
        roster.requireOwnerOrAdmin(command.actor(), "Only the owner and admins unpin messages.");
        conversation.unpin(
                command.messageId(),
                () -> new GroupMessageUnpinnedEvent(
                        command.groupId(), command.messageId(), command.actor().userId()));
    }
}
