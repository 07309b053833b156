package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePinnedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupMessageUnpinnedEvent;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.api.group.GroupReactionRemovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Chat events share the Group stream. The {@code groups} processor takes them in only so that ApplyOnce positions
 * them: a Group command's token that names a later roster change is then not held up by them. They change nothing
 * here (the chat views do).
 */
@Component
@ProcessingGroup(GroupsProjection.PROCESSING_GROUP)
class GroupChatPositions {

    @EventHandler
    void on(GroupMessagePostedEvent event) {
        // positioned only
    }

    @EventHandler
    void on(GroupMessageEditedEvent event) {
        // positioned only
    }

    @EventHandler
    void on(GroupMessageDeletedEvent event) {
        // positioned only
    }

    @EventHandler
    void on(GroupMessagePinnedEvent event) {
        // positioned only
    }

    @EventHandler
    void on(GroupMessageUnpinnedEvent event) {
        // positioned only
    }

    @EventHandler
    void on(GroupReactionAddedEvent event) {
        // positioned only
    }

    @EventHandler
    void on(GroupReactionRemovedEvent event) {
        // positioned only
    }
}
