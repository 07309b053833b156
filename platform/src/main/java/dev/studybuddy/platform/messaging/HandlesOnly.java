package dev.studybuddy.platform.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

/**
 * On an event handler that has nothing to do for most events of its type (a message's attachments, its mentions):
 * its processor takes in only the events whose payload {@link #value()} accepts, and passes the others by as events
 * it has no handler for, without a unit of work, a transaction or a token write for them ({@link
 * ConditionalEventHandlers}). The condition must depend on the payload alone, so that a replay decides as the first
 * pass did.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HandlesOnly {

    /** Accepts the payloads the handler has something to do with; a class with a no-argument constructor. */
    Class<? extends Predicate<?>> value();
}
