package dev.studybuddy.platform.web;

import java.sql.SQLException;

/**
 * Tells PostgreSQL's refusal of text it cannot hold (a NUL: "invalid byte sequence for encoding UTF8: 0x00", SQLSTATE
 * 22021) from other failures. While a request is handled only the client's text can hold such a character, so this
 * is the client's error, not ours: a safety net behind the fields' own checks, for a field that lacks one. Likewise a
 * time beyond what a timestamp holds (SQLSTATE 22008, after year 9999): only a client's cursor or filter names one.
 */
public final class UnstorableText {

    /** SQLSTATE 22021: character_not_in_repertoire. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    /** SQLSTATE 22008: datetime_field_overflow. */
    private static final String DATETIME_FIELD_OVERFLOW = "22008";

    private UnstorableText() {}

    /** Whether PostgreSQL refused a time out of its range. */
    public static boolean timeCausedBy(Throwable failure) {
        return refusedWith(failure, DATETIME_FIELD_OVERFLOW);
    }

    public static boolean causedBy(Throwable failure) {
        return refusedWith(failure, CHARACTER_NOT_IN_REPERTOIRE);
    }

    private static boolean refusedWith(Throwable failure, String sqlState) {
        return CauseChain.anyMatch(
                failure, cause -> cause instanceof SQLException sql && sqlState.equals(sql.getSQLState()));
    }
}
