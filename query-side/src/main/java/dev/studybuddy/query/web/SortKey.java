package dev.studybuddy.query.web;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.web.Cursors;
import java.util.UUID;

/**
 * The keyset position of a list ordered by a text (a user name, a group name) with an id as the
 * tie-breaker: the next page starts strictly after {@code (text, id)}. Travels inside a {@link Cursors}
 * cursor.
 */
public record SortKey(String text, UUID id) {

    /** Before every row: an empty text and the smallest id. */
    public static final SortKey FIRST = new SortKey("", new UUID(0, 0));

    private static final int ID_LENGTH = 36;

    /** The key a cursor carries, or {@link #FIRST} without one; a cursor we did not issue is a 400. */
    public static SortKey after(String cursor) {
        if (!Cursors.given(cursor)) {
            return FIRST;
        }
        String key = Cursors.decode(cursor);
        try {
            if (key.length() > ID_LENGTH && key.charAt(ID_LENGTH) == ':') {
                return new SortKey(key.substring(ID_LENGTH + 1), UUID.fromString(key.substring(0, ID_LENGTH)));
            }
        } catch (IllegalArgumentException e) {
            // not an id: refused below like any other foreign cursor
        }
        throw new DomainException(ErrorCode.MALFORMED_REQUEST, "The cursor is not one this list issued.");
    }

    /** The id goes first: it has a fixed length, the text may contain anything. */
    public String encode() {
        return id + ":" + text;
    }
}
