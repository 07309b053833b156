package dev.studybuddy.platform.messaging;

import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an event handler marked {@link HandlesOnly} answer {@code canHandle} with its condition too, which is what a
 * pooled processor's work package asks before it puts an event into a batch: an event no handler of the processor
 * can handle is only counted past. A payload that cannot be read (deserialized) counts as accepted, so that it fails
 * in the handler and is parked there, as any other, instead of failing the processor's coordinator that asks.
 */
public class ConditionalEventHandlers implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(ConditionalEventHandlers.class);

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        Optional<Class<?>> conditionType = original.annotationAttributes(HandlesOnly.class)
                // Axon's attribute map names an annotation's value after the annotation
                .map(attributes -> (Class<?>) attributes.get("handlesOnly"));
        if (conditionType.isEmpty() || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        Predicate<Object> condition = instantiate(conditionType.get());
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public boolean canHandle(Message<?> message) {
                return super.canHandle(message) && accepts(condition, message);
            }
        };
    }

    private static boolean accepts(Predicate<Object> condition, Message<?> message) {
        Object payload;
        try {
            payload = message.getPayload();
        } catch (RuntimeException unreadable) {
            log.debug("Payload of {} unreadable; left to its handler", message.getIdentifier(), unreadable);
            return true;
        }
        return condition.test(payload);
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Object> instantiate(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Predicate<Object>) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@HandlesOnly(" + type.getName() + ") needs a no-argument constructor", e);
        }
    }
}
