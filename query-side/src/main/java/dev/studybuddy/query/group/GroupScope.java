package dev.studybuddy.query.group;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.Locale;

/** Which groups a list shows: the caller's own, or public ones they could join. */
enum GroupScope {
    MINE,
    DISCOVER;

    static GroupScope parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "scope is mine or discover.");
        }
    }
}
