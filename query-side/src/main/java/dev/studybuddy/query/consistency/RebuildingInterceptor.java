package dev.studybuddy.query.consistency;

import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.projection.ReplayCoordinator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Marks every answer of a {@link ReadYourWrites} endpoint whose projection is being replayed with
 * {@code X-Consistency: rebuilding}: the rows it shows may be incomplete, whatever token the caller sent.
 */
class RebuildingInterceptor implements HandlerInterceptor {

    static final String REBUILDING = "rebuilding";

    private final ReplayCoordinator replays;

    RebuildingInterceptor(ReplayCoordinator replays) {
        this.replays = replays;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ReadYourWrites served = ConsistencyTokenInterceptor.servedProjection(method);
            if (served != null && replays.isRebuilding(served.value())) {
                response.setHeader(ConsistencyToken.STATUS_HEADER, REBUILDING);
            }
        }
        return true;
    }
}
