package dev.studybuddy.query.search;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code q} of a message search, taken apart: {@code text} for PostgreSQL's {@code websearch_to_tsquery}
 * (words, {@code "phrases"}, {@code or}, {@code -word}; it never fails on any input, so no operator needs
 * escaping here), and the author of {@code from:@username}, if given. {@code q} is one line of 1–200
 * characters without control characters, and names at most one author.
 *
 * @param text         what remains after taking {@code from:@…} out, stripped; empty when only an author is asked
 * @param fromUsername the author's user name, or null
 */
record MessageQuery(String text, String fromUsername) {

    static final int MAX_LENGTH = 200;

    private static final Pattern FROM = Pattern.compile("(?i)(?<!\\S)from:@(\\S*)");

    static MessageQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw invalid("q is required: the words to search for.");
        }
        if (q.codePointCount(0, q.length()) > MAX_LENGTH) {
            throw invalid("q must be at most " + MAX_LENGTH + " characters.");
        }
        if (q.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("q must not contain control characters.");
        }
        List<String> authors = new ArrayList<>();
        Matcher from = FROM.matcher(q);
        StringBuilder rest = new StringBuilder();
        while (from.find()) {
            authors.add(from.group(1));
            from.appendReplacement(rest, " ");
        }
        from.appendTail(rest);
        if (authors.size() > 1) {
            throw invalid("q may name one author (from:@username), not " + authors.size() + ".");
        }
        if (authors.size() == 1 && authors.get(0).isEmpty()) {
            throw invalid("from:@ needs a user name, as in from:@ada.");
        }
        return new MessageQuery(rest.toString().strip(), authors.isEmpty() ? null : authors.get(0));
    }

    boolean hasText() {
        return !text.isEmpty();
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message);
    }
}
