package dev.studybuddy.command.idempotency;

import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.web.DatabaseOutages;
import dev.studybuddy.platform.web.ProblemWriter;
import dev.studybuddy.platform.web.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every POST of a signed-in user safe to retry when it carries an {@code Idempotency-Key}: the first
 * request with a key is served and its outcome stored; the same request again with that key is answered with
 * that outcome (status, body, {@code Location}, consistency token) and has no second effect, on any node, for
 * {@code studybuddy.idempotency.keep-for}. The same key with another request is 422, a key whose first request is
 * still being served 409. Keys belong to a user: another user's key never matches.
 * <p>
 * Outcomes of 5xx and 429 are not stored (the key is freed): they mean "this failed, try again" (later), and a
 * retry deserves a fresh attempt. With PostgreSQL unreachable a keyed request is refused with 503, since its safety could not be
 * kept; the same request without a key is served as usual.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    static final String REPLAYED = "Idempotent-Replayed";
    /** Answers with a token pair: never stored, and never handed out twice. */
    private static final Set<String> CARRIES_CREDENTIALS = Set.of("/api/users/me/password", "/api/users/me/email");

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final ServiceUnavailable unavailable;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems, ServiceUnavailable unavailable) {
        this.records = records;
        this.problems = problems;
        this.unavailable = unavailable;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(IdempotencyKey.HEADER) == null
                || CARRIES_CREDENTIALS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID userId = signedInUser();
        if (userId == null) {
            // register, login, refresh, logout: no user to scope a key to (docs/api.md "Idempotency-Key")
            chain.doFilter(request, response);
            return;
        }
        IdempotencyKey key;
        try {
            key = new IdempotencyKey(request.getHeader(IdempotencyKey.HEADER));
        } catch (IllegalArgumentException e) {
            problems.write(response, ErrorCode.IDEMPOTENCY_KEY_INVALID, e.getMessage());
            return;
        }
        KeyedRequest keyed;
        try {
            keyed = KeyedRequest.read(request);
        } catch (IllegalStateException | ServletException unreadable) {
            // a multipart body over the container's limits or malformed: the controller refuses it (413, 400),
            // and a refusal of a body that was never read is no effect to guard
            chain.doFilter(request, response);
            return;
        }
        Claim claim;
        try {
            claim = records.claim(userId, key, keyed.fingerprint());
        } catch (RuntimeException e) {
            if (!DatabaseOutages.causedBy(e)) {
                throw e;
            }
            log.warn("Cannot keep an idempotency key while the database is unreachable: {}", e.toString());
            unavailable.write(response, problems);
            return;
        }
        if (claim instanceof Claim.Claimed) {
            serve(keyed, response, chain, userId, key);
        } else if (claim instanceof Claim.Completed completed) {
            replay(completed.response(), response);
        } else if (claim instanceof Claim.InProgress) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(
                    response,
                    ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being served; try again in a moment.");
        } else {
            problems.write(
                    response,
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
    }

    private void serve(
            KeyedRequest request, HttpServletResponse response, FilterChain chain, UUID userId, IdempotencyKey key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            releaseQuietly(userId, key);
            throw e;
        }
        if (recorded.getStatus() >= 500 || recorded.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            releaseQuietly(userId, key);
        } else {
            try {
                records.complete(
                        userId,
                        key,
                        new StoredResponse(
                                recorded.getStatus(), keptHeaders(recorded), recorded.getContentAsByteArray()));
            } catch (RuntimeException e) {
                // the effect happened; the client gets its answer, a retry finds the key in progress until the lease
                // ends
                log.warn("Could not store the outcome of idempotency key {}: {}", key.value(), e.toString());
            }
        }
        recorded.copyBodyToResponse();
    }

    private void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static Map<String, String> keptHeaders(HttpServletResponse response) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : StoredResponse.KEPT_HEADERS) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private void releaseQuietly(UUID userId, IdempotencyKey key) {
        try {
            records.release(userId, key);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not free idempotency key {}; it frees itself when its lease ends: {}",
                    key.value(),
                    e.toString());
        }
    }

    private static UUID signedInUser() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return UUID.fromString(token.getToken().getSubject());
        }
        return null;
    }
}
