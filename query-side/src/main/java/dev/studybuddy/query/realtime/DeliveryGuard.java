package dev.studybuddy.query.realtime;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * The backstop on the way out: a group's frame is not delivered to a session whose user has left the
 * group, should any subscription have escaped {@link GroupSubscriptions#revoke}.
 */
@Component
class DeliveryGuard implements ChannelInterceptor {

    private final GroupSubscriptions subscriptions;

    DeliveryGuard(GroupSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.wrap(message);
        if (accessor.getMessageType() == SimpMessageType.MESSAGE
                && !subscriptions.delivers(accessor.getSessionId(), accessor.getDestination())) {
            return null;
        }
        return message;
    }
}
