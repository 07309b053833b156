package dev.studybuddy.command.idempotency;

import java.util.List;
import java.util.Map;

/** The first outcome of a keyed request, as it is answered again to every retry. */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * The headers that belong to the outcome. The others are the answer's own (a trace id, security headers),
     * which the retry's answer carries anyway.
     */
    static final List<String> KEPT_HEADERS =
            List.of("Content-Type", "Content-Language", "Location", "X-Consistency-Token");
}
