package dev.studybuddy.notification.log;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
        String plain = createdAt + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static LogCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            return new LogCursor(
                    Instant.parse(plain.substring(0, separator)), UUID.fromString(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The cursor is not one this service gave out.");
        }
    }
}
