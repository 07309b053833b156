package dev.studybuddy.platform.web;

import dev.studybuddy.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer while a store the request needs is unreachable: 503 {@code SERVICE_UNAVAILABLE} with
 * {@code Retry-After} ({@code studybuddy.web.unavailable-retry-after}), so clients back off instead of hammering.
 */
public record ServiceUnavailable(Duration retryAfter) {

    static final String DETAIL = "A store this request needs is unreachable at the moment; try again shortly.";

    public ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds())
                .body(Problems.of(ErrorCode.SERVICE_UNAVAILABLE, DETAIL));
    }

    public void write(HttpServletResponse response, ProblemWriter problems) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
        problems.write(response, ErrorCode.SERVICE_UNAVAILABLE, DETAIL);
    }

    String retryAfterSeconds() {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
