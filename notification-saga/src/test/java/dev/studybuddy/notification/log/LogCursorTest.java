package dev.studybuddy.notification.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.web.Cursors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogCursorTest {

    @Test
    void aCursorComesBackAsItWasGiven() {
        LogCursor cursor = new LogCursor(Instant.parse("2025-03-01T09:00:00.123456Z"), UUID.randomUUID());

        assertThat(LogCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorIsSafeInAQueryString() {
        String encoded = new LogCursor(Instant.parse("2025-03-01T09:00:00Z"), UUID.randomUUID()).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aForgedCursorIsRefusedAsAMalformedRequest() {
        String noId = Cursors.encode("2025-03-01T09:00:00Z");
        String badTime = Cursors.encode("yesterday|" + UUID.randomUUID());
        String beyondPostgres = Cursors.encode("+300000-01-01T00:00:00Z|" + UUID.randomUUID());
        String unversioned = Base64.getUrlEncoder()
                .encodeToString(("2025-03-01T09:00:00Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        for (String forged : new String[] {"%%%", noId, badTime, beyondPostgres, unversioned, ""}) {
            assertThatThrownBy(() -> LogCursor.decode(forged))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
        }
    }
}
