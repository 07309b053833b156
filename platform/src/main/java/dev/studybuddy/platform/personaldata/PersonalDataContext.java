package dev.studybuddy.platform.personaldata;

import dev.studybuddy.api.metadata.MessageMetadata;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Who caused the event being written, for fields whose subject is {@link dev.studybuddy.api.privacy.PersonalData#ACTOR}:
 * set by the event store around the serialization of each event it appends, else the actor of the message the
 * current unit of work handles (the command an event is applied for, or the event a handler parks).
 */
public final class PersonalDataContext {

    private static final ThreadLocal<Object> ACTOR = new ThreadLocal<>();

    private PersonalDataContext() {}

    /**
     * Runs {@code work} with {@code actor} (a user id, or its text) as the actor of what it serializes; with
     * {@code null}, as the actor is already known (or not).
     */
    public static <T> T withActor(Object actor, Supplier<T> work) {
        if (actor == null) {
            return work.get();
        }
        Object before = ACTOR.get();
        ACTOR.set(actor);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTOR.remove();
            } else {
                ACTOR.set(before);
            }
        }
    }

    static Optional<UUID> actor() {
        Object actor = ACTOR.get();
        if (actor == null && CurrentUnitOfWork.isStarted()) {
            actor = CurrentUnitOfWork.get().getMessage().getMetaData().get(MessageMetadata.ACTOR);
        }
        if (actor == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(actor instanceof UUID id ? id : UUID.fromString(actor.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
