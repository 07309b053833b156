package dev.studybuddy.query.consistency;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Before a {@link ReadYourWrites} endpoint answers a request that carries a consistency token, waits
 * for its projection; runs after authentication, so only signed-in callers can make a node wait.
 */
class ConsistencyTokenInterceptor implements HandlerInterceptor {

    static final String STALE = "stale";

    private final ConsistencyWait wait;
    private final ConsistencyTokens tokens;

    ConsistencyTokenInterceptor(ConsistencyWait wait, ConsistencyTokens tokens) {
        this.wait = wait;
        this.tokens = tokens;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(ConsistencyToken.HEADER);
        if (header == null || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadYourWrites readYourWrites = servedProjection(method);
        if (readYourWrites == null) {
            return true;
        }
        ConsistencyToken token = tokens.decode(header)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.MALFORMED_REQUEST, ConsistencyToken.HEADER + " is not a token this service issued."));
        if (!wait.until(readYourWrites.value(), token)) {
            response.setHeader(ConsistencyToken.STATUS_HEADER, STALE);
        }
        return true;
    }

    static ReadYourWrites servedProjection(HandlerMethod method) {
        ReadYourWrites onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ReadYourWrites.class);
        return onMethod != null
                ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadYourWrites.class);
    }
}
