package dev.studybuddy.query.friendship;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.Locale;

/** Which of the caller's pending friend requests: sent to them, or sent by them. */
enum RequestDirection {
    INCOMING,
    OUTGOING;

    static RequestDirection parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "direction is incoming or outgoing.");
        }
    }
}
