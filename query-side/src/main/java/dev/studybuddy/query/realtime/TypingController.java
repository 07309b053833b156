package dev.studybuddy.query.realtime;

import java.security.Principal;
import java.util.UUID;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

/** Typing signals: ephemeral, published to Redis for every node's subscribers, never stored. */
@Controller
class TypingController {

    private final RealtimeUpdates updates;

    TypingController(RealtimeUpdates updates) {
        this.updates = updates;
    }

    /** {@link StompAuthorization} has checked membership and the rate. */
    @MessageMapping("groups.{groupId}.typing")
    void typing(@DestinationVariable String groupId, Principal user) {
        UUID group = UUID.fromString(groupId);
        updates.toGroup(group, new LiveUpdate.Typing(Conversations.group(group), UUID.fromString(user.getName())));
    }
}
