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
 * <p>
 * An {@link Error} a handler throws is handed on as an exception, {@link HandlerThrewAnError}, inside the savepoint, so
 * that the handler's writes are undone first: Axon's dead-lettering and the processor's work package catch only
 * exceptions, and an {@code Error} left the segment stalled for good without a word. Whether the event is parked for it
 * is the dead letters' policy's to say ({@link ParkUnlessTransient}).
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
                return savepoints.around(() -> {
                    try {
                        return super.handle(message, target);
                    } catch (Error error) {
                        throw new HandlerThrewAnError(error);
                    }
                });
            }
        };
    }

    /** An event handler threw an {@link Error}. */
    public static final class HandlerThrewAnError extends RuntimeException {
        HandlerThrewAnError(Error error) {
            super("the event handler threw " + error, error);
        }

        /**
         * Whether the event is to blame, as for a stack that its data made overflow; not for an error of the JVM or of
         * the code deployed (out of memory, a class that is missing or failed to initialize, a library's broken
         * assertion), which would fail every event alike until it is mended.
         */
        boolean blamesTheEvent() {
            return getCause() instanceof StackOverflowError;
        }
    }
}
