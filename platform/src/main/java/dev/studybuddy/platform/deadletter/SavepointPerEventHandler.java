package dev.studybuddy.platform.deadletter;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Wraps every event handler of the service (projections, notifiers and saga handlers alike) in a
 * {@link Savepoints savepoint}, so that a handler's failed statement never aborts the processor's
 * transaction: the dead letter and the token are written after it. (Not an aggregate's event-sourcing
 * handlers, which only change the aggregate in memory.)
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final Savepoints savepoints;

    public SavepointPerEventHandler(Savepoints savepoints) {
        this.savepoints = savepoints;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.hasAnnotation(EventHandler.class)
                || original.hasAnnotation(EventSourcingHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return savepoints.around(() -> super.handle(message, target));
            }
        };
    }
}
