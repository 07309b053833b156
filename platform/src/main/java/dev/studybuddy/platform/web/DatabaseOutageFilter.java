package dev.studybuddy.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage met outside the controllers (a token check in the security filters, a filter of its own)
 * answers 503 with {@code Retry-After} like one met inside them ({@link ApiExceptionHandler}), instead of
 * escaping to the container as a bare 500.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemWriter problems;
    private final ServiceUnavailable unavailable;

    public DatabaseOutageFilter(ProblemWriter problems, ServiceUnavailable unavailable) {
        this.problems = problems;
        this.unavailable = unavailable;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseOutages.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable: {}", e.toString());
            response.resetBuffer();
            unavailable.write(response, problems);
        }
    }

    /** Not asked about error dispatches: the exception that started one was answered already, or was not an outage. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
