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
 * An {@link Error} a handler throws is its event's failure, as an exception is: Axon's dead-lettering and the
 * processor's work package catch only exceptions, so an {@code Error} (a {@code StackOverflowError} on some text, an
 * {@code AssertionError}, a {@code LinkageError}) would fail every retry of the batch instead of parking the event. It
 * is turned into {@link HandlerThrewAnError} inside the savepoint, so that the handler's writes are undone before the
 * event is parked. Not the errors that say the JVM itself is in trouble ({@link VirtualMachineError}s but a stack
 * overflow): they fail the batch for a retry ({@code FailedBatches}), since no event is to blame.
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
                    } catch (StackOverflowError overflow) {
                        throw new HandlerThrewAnError(overflow);
                    } catch (VirtualMachineError jvmInTrouble) {
                        throw jvmInTrouble;
                    } catch (Error error) {
                        throw new HandlerThrewAnError(error);
                    }
                });
            }
        };
    }

    /** An event handler threw an {@link Error}: its event is parked like one whose handler threw an exception. */
    public static final class HandlerThrewAnError extends RuntimeException {
        HandlerThrewAnError(Error error) {
            super("the event handler threw " + error, error);
        }
    }
}
