package dev.studybuddy.query.search;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.web.Cursors;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the next page of a search starts: strictly after the last hit shown in the order rank (descending),
 * posting time (newest first), message id. The rank travels as its exact bits, so PostgreSQL compares the very
 * value it computed. {@code search} is a fingerprint of the request the cursor was issued for: a cursor handed
 * back with another {@code q} or other filters is refused rather than answered with a mixed-up page.
 */
record SearchCursor(String search, float rank, Instant postedAt, UUID messageId) {

    static SearchCursor decode(String cursor, String search) {
        String[] parts = Cursors.decode(cursor).split("\\|", -1);
        SearchCursor decoded;
        try {
            if (parts.length != 4) {
                throw new IllegalArgumentException("parts");
            }
            long micros = Long.parseLong(parts[2]);
            decoded = new SearchCursor(
                    parts[0],
                    Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16)),
                    Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                    UUID.fromString(parts[3]));
            if (!Cursors.storable(decoded.postedAt())) {
                throw new IllegalArgumentException("postedAt");
            }
        } catch (RuntimeException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "The cursor is not one this search issued.");
        }
        if (!decoded.search().equals(search)) {
            throw new DomainException(
                    ErrorCode.MALFORMED_REQUEST,
                    "The cursor belongs to another search: send it with the same q and filters.");
        }
        return decoded;
    }

    /** The key {@link dev.studybuddy.platform.web.CursorPage} wraps as the opaque cursor. */
    String key() {
        long micros =
                Math.addExact(Math.multiplyExact(postedAt.getEpochSecond(), 1_000_000L), postedAt.getNano() / 1_000L);
        return search + "|" + Integer.toHexString(Float.floatToIntBits(rank)) + "|" + micros + "|" + messageId;
    }
}
