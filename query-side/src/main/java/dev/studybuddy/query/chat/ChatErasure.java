package dev.studybuddy.query.chat;

import dev.studybuddy.api.user.UserErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An erased user's messages keep their place in every conversation, without their bodies (docs/adr/0019): a replay
 * leaves them the same, since their events' bodies read as nothing once the user's key is destroyed. Part of the
 * chat views' processing group, so it is applied in order with the messages it blanks, those its own batch posted
 * included.
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
class ChatErasure {

    private final ChatViews views;

    ChatErasure(ChatViews views) {
        this.views = views;
    }

    @EventHandler
    void on(UserErasedEvent event) {
        views.erased(event.userId());
    }
}
