package dev.studybuddy.platform.web;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque cursors: the sort key of the last item a page showed, which clients hand back unread.
 * Encoded so that clients do not build their own, and so that the key may change shape later.
 */
public final class Cursors {

    private static final String VERSION = "1:";
    private static final int MAX_LENGTH = 512;

    /**
     * The times a cursor may name: years 1 to 9999, what every list's times fall within and PostgreSQL's timestamptz
     * holds (it holds later years too, but not the ones Java reads, up to +1000000000). A cursor naming another time
     * was made up.
     */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Cursors() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a list was given a cursor: an empty {@code cursor=} asks for the first page, as no cursor does. */
    public static boolean given(String cursor) {
        return cursor != null && !cursor.isBlank();
    }

    /** The key after which the next page starts, or throws a 400 refusal for a cursor we did not issue. */
    public static String decode(String cursor) {
        try {
            if (cursor.length() <= MAX_LENGTH) {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (decoded.startsWith(VERSION)) {
                    return decoded.substring(VERSION.length());
                }
            }
        } catch (IllegalArgumentException e) {
            // not Base64: refused below like any other foreign cursor
        }
        throw notIssued();
    }

    /** Whether {@code time} is within years 1 to 9999. */
    public static boolean storable(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /** The time a cursor names, if within years 1 to 9999; otherwise the cursor was not issued here (400). */
    public static Instant storableTime(Instant time) {
        if (!storable(time)) {
            throw notIssued();
        }
        return time;
    }

    /** The 400 refusal of a cursor this service did not issue, for the lists whose cursors have a shape of their own. */
    public static DomainException notIssued() {
        return new DomainException(ErrorCode.MALFORMED_REQUEST, "The cursor is not one this service issued.");
    }
}
