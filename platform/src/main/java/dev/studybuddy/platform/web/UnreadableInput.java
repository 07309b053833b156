package dev.studybuddy.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.studybuddy.api.error.ErrorCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Says why a JSON body or a parameter could not be read, naming the field and what it must hold, as the validation
 * problems do, without the parser's or converter's own words (which name Java types and classes).
 */
final class UnreadableInput {

    private UnreadableInput() {}

    /** A query or path parameter that does not convert to its type ({@code ?limit=abc}, a path id that is no UUID). */
    static ProblemDetail problem(MethodArgumentTypeMismatchException e) {
        return fieldProblem(e.getName(), expected(e.getRequiredType()));
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fieldProblem(path(mapping), expected(mapping));
        }
        String detail = cause instanceof JsonMappingException
                ? "The body must be a JSON object of the fields this request takes."
                : cause instanceof JsonProcessingException
                        ? "The body is not well-formed JSON."
                        : "The request body is missing or cannot be read.";
        return Problems.of(ErrorCode.MALFORMED_REQUEST, detail);
    }

    /** A required query parameter or multipart part that was not sent: named like a field that is. */
    static ProblemDetail missing(String name) {
        ProblemDetail problem = Problems.of(ErrorCode.MALFORMED_REQUEST, name + " is required.");
        problem.setProperty("errors", Map.of(name, "is required"));
        return problem;
    }

    /** "{@code field} must be {@code expected}." in {@code detail} and {@code errors}, as validation problems name fields. */
    private static ProblemDetail fieldProblem(String field, String expected) {
        String message = "must be " + expected;
        ProblemDetail problem = Problems.of(ErrorCode.MALFORMED_REQUEST, field + " " + message + ".");
        problem.setProperty("errors", Map.of(field, message));
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(JsonMappingException e) {
        return expected(
                e instanceof MismatchedInputException mismatch
                        ? mismatch.getTargetType()
                        : e.getCause() instanceof InputCoercionException outOfRange
                                ? outOfRange.getTargetType()
                                : null);
    }

    /** What a value of {@code type} must be, in the API's words ("a UUID", "true or false", …). */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of the right type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number in range";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant with its offset, such as 2027-01-01T10:00:00Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
