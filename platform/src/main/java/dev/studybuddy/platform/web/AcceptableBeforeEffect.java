package dev.studybuddy.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A request that changes something is refused for an {@code Accept} it could not be answered in before it changes
 * anything. Spring picks the answer's type only once the handler has returned: {@code POST /api/groups} with
 * {@code Accept: application/xml} created the group and then answered 406, and a client that retried created another.
 * For a handler that answers JSON and declares no {@code produces} of its own (with one, Spring checks before), an
 * {@code Accept} that admits no JSON is 406 and one that cannot be read is 400 ({@link ApiExceptionHandler}), as
 * they would be after the handler, only sooner. Reads are left to Spring: they change nothing.
 */
final class AcceptableBeforeEffect implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final MediaType ANY_JSON = new MediaType("application", "*+json");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (READS.contains(request.getMethod())
                || !(handler instanceof HandlerMethod method)
                || !answersJson(method.getReturnType())
                || producesDeclared(request)) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header: " + e.getMessage());
        }
        if (accepted.isEmpty() || accepted.stream().anyMatch(AcceptableBeforeEffect::admitsJson)) {
            return true;
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
    }

    /** JSON itself, or a type of it ({@code application/problem+json}, {@code vnd.…+json}), as Jackson writes them. */
    private static boolean admitsJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(ANY_JSON);
    }

    /** Whether the handler returns a body Jackson writes: not nothing, not bytes or a stream of its own type. */
    static boolean answersJson(MethodParameter returnType) {
        ResolvableType type = ResolvableType.forMethodParameter(returnType);
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> body = type.toClass();
        return !(body == void.class
                || body == Void.class
                || body == Object.class
                || body == byte[].class
                || body == String.class
                || Resource.class.isAssignableFrom(body)
                || InputStream.class.isAssignableFrom(body)
                || StreamingResponseBody.class.isAssignableFrom(body));
    }

    private static boolean producesDeclared(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null;
    }
}
