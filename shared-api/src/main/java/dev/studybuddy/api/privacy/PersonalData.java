package dev.studybuddy.api.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event as personal data of one user, its <em>subject</em>: the event store holds it
 * encrypted with that user's data key, and once the user is erased (the key is gone) it reads as {@code null}
 * (docs/adr/0019-erasure-by-crypto-shredding.md). Handlers of a marked component must therefore accept
 * {@code null}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** {@link #subject()} naming not a component but the user who caused the event (its {@code actor} metadata). */
    String ACTOR = "@actor";

    /**
     * The name of the record component that holds the subject's user id, or {@link #ACTOR} for an event whose
     * subject is whoever caused it (an edit: only the author edits their message).
     */
    String subject();
}
