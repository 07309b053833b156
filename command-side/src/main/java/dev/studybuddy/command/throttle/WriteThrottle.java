package dev.studybuddy.command.throttle;

import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A token bucket per user for one {@link WriteLimits.Budget}, taken before a write is read or decided, so that
 * refused writes count too and a flood costs the node no command.
 */
class WriteThrottle implements HandlerInterceptor {

    private final WriteLimits.Budget budget;
    private final TokenBuckets buckets = new TokenBuckets();

    WriteThrottle(WriteLimits.Budget budget) {
        this.budget = budget;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            admit(CurrentUser.id());
        }
        return true;
    }

    /** @throws RateLimitedException (429 with {@code Retry-After}) when the user's budget is spent */
    void admit(UUID userId) {
        buckets.take(userId.toString(), budget.writes(), budget.per());
    }
}
