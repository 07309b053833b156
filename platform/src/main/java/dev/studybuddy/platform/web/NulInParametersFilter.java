package dev.studybuddy.platform.web;

import dev.studybuddy.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A NUL in a query or form parameter is refused with 400 before any controller sees it: no parameter of the API
 * can mean one, and PostgreSQL refuses it in text, which made a search with {@code %00} a 500.
 */
public class NulInParametersFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public NulInParametersFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            problems.write(response, ErrorCode.MALFORMED_REQUEST, "A parameter contains a NUL character.");
            return;
        }
        chain.doFilter(request, response);
    }
}
