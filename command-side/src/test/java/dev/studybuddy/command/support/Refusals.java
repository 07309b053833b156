package dev.studybuddy.command.support;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** Matches the refusal a fixture test expects: a {@link DomainException} with its stable code. */
public final class Refusals {

    private Refusals() {}

    public static Matcher<Object> refusedWith(ErrorCode code) {
        return Matchers.predicate(e -> e instanceof DomainException refusal && refusal.code() == code);
    }
}
