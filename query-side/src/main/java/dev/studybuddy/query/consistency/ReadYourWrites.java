package dev.studybuddy.query.consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a query endpoint (method or controller) as served by the projection of processing group
 * {@link #value()}: a request that carries {@code X-Consistency-Token} waits, within
 * {@code studybuddy.consistency.max-wait}, until that projection has applied the token's event, and is
 * answered with {@code X-Consistency: stale} if it had not. The projection must be registered with
 * {@link ApplyOnce}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadYourWrites {

    /** The processing group of the projection the endpoint reads. */
    String value();
}
