package dev.studybuddy.query.web;

import java.util.Objects;

/**
 * A search text as a SQL {@code LIKE} pattern for the names that start with it, to be used with
 * {@code ESCAPE '!'}: the text's own {@code %} and {@code _} match literally, surrounding blanks are ignored
 * and no text matches every name.
 */
public final class PrefixPattern {

    private PrefixPattern() {}

    public static String of(String prefix) {
        String text = Objects.requireNonNullElse(prefix, "").strip();
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
