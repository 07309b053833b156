package dev.studybuddy.notification.log;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.platform.web.Cursors;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a newest-first page of the log ended: the last row's time and id. Opaque to clients, so the
 * keyset behind it may change without breaking them.
 */
public record LogCursor(Instant createdAt, UUID id) {

    private static final String SEPARATOR = "|";

    public static LogCursor of(Notification last) {
        return new LogCursor(last.createdAt(), last.id());
    }

    public String encode() {
        return Cursors.encode(createdAt + SEPARATOR + id);
    }

    /** @throws DomainException 400 {@code MALFORMED_REQUEST}, as every service's lists, for a cursor not issued here */
    public static LogCursor decode(String cursor) {
        String plain = Cursors.decode(cursor);
        LogCursor decoded;
        try {
            int separator = plain.indexOf(SEPARATOR);
            decoded = new LogCursor(
                    Instant.parse(plain.substring(0, separator)), UUID.fromString(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw Cursors.notIssued();
        }
        Cursors.storableTime(decoded.createdAt());
        return decoded;
    }
}
