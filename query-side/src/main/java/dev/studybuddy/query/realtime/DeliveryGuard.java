package dev.studybuddy.query.realtime;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * The backstop on the way out: no frame is delivered to a session whose token has expired or been revoked
 * ({@link SessionTokens}), and a group's frame is not delivered to a session whose user has left the group,
 * should any subscription have escaped {@link GroupSubscriptions#revoke}.
 */
@Component
class DeliveryGuard implements ChannelInterceptor {

    private final GroupSubscriptions subscriptions;
    private final SessionTokens sessionTokens;

    DeliveryGuard(GroupSubscriptions subscriptions, SessionTokens sessionTokens) {
        this.subscriptions = subscriptions;
        this.sessionTokens = sessionTokens;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.wrap(message);
        if (accessor.getMessageType() == SimpMessageType.MESSAGE
                && (!sessionTokens.delivers(accessor.getSessionId())
                        || !subscriptions.delivers(accessor.getSessionId(), accessor.getDestination()))) {
            return null;
        }
        return message;
    }
}
