package dev.studybuddy.platform.consistency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Names a write: "the event at {@code sequence} of aggregate {@code aggregateId}". A command's answer
 * carries it; a query that sends it back waits until its read model has passed that event.
 */
public record ConsistencyToken(String aggregateId, long sequence) {

    public static final String HEADER = "X-Consistency-Token";
    public static final String STATUS_HEADER = "X-Consistency";

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((aggregateId + "@" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for anything that is not a token this system issued. */
    public static Optional<ConsistencyToken> decode(String value) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int at = decoded.lastIndexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            return Optional.of(
                    new ConsistencyToken(decoded.substring(0, at), Long.parseLong(decoded.substring(at + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
