package dev.studybuddy.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.studybuddy.platform.audit.AuditedEvent;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.audit.StoredEvents.EventFilter;
import dev.studybuddy.platform.web.CursorPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The global event stream in store order (time, then sequence), read from the domain-event collection
 * as stored. Pages of JSON with an opaque cursor, or with {@code Accept: application/x-ndjson} an export
 * of every matching event, one JSON object a line, streamed from a Mongo cursor in batches and never
 * held in memory.
 */
@RestController
@RequestMapping("/api/audit/events")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditEventsController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int DEFAULT_LIMIT = CursorPage.DEFAULT_LIMIT;
    static final int MAX_LIMIT = CursorPage.MAX_LIMIT;

    private final StoredEvents storedEvents;
    private final ObjectWriter lines;

    AuditEventsController(StoredEvents storedEvents, ObjectMapper objectMapper) {
        this.storedEvents = storedEvents;
        this.lines = objectMapper.writer();
    }

    /**
     * Declared as {@code Object}: Spring picks the return value handler by the value's class, so an
     * export is streamed by the {@link StreamingResponseBody} handler and a page is written as JSON.
     */
    @GetMapping
    Object events(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID actor,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) {
        EventFilter filter = new EventFilter(from, to, blankToNull(type), actor == null ? null : actor.toString());
        if (accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(NDJSON::equalsTypeAndSubtype)) {
            response.setContentType(NDJSON.toString());
            return export(filter);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return storedEvents.page(filter, cursor, limit).map(AuditedEvent::of);
    }

    private StreamingResponseBody export(EventFilter filter) {
        return out -> storedEvents.export(filter, event -> writeLine(out, AuditedEvent.of(event)));
    }

    private void writeLine(OutputStream out, AuditedEvent event) {
        try {
            out.write(lines.writeValueAsBytes(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
