package dev.studybuddy.platform.web;

import java.sql.SQLException;

/**
 * Tells PostgreSQL's refusal of text it cannot hold (a NUL: "invalid byte sequence for encoding UTF8: 0x00", SQLSTATE
 * 22021) from other failures. While a request is handled only the client's text can hold such a character, so this
 * is the client's error, not ours: a safety net behind the fields' own checks, for a field that lacks one.
 */
public final class UnstorableText {

    /** SQLSTATE 22021: character_not_in_repertoire. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    private UnstorableText() {}

    public static boolean causedBy(Throwable failure) {
        return CauseChain.anyMatch(
                failure,
                cause -> cause instanceof SQLException sql && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState()));
    }
}
