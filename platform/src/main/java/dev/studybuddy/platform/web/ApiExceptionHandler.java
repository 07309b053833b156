package dev.studybuddy.platform.web;

import dev.studybuddy.api.error.DomainError;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.text.InvalidTextException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place a service turns failures into problem responses: refusals keep their stable code,
 * framework errors get the code of their status, an unreachable database is a 503 with {@code Retry-After}, and
 * anything unexpected becomes a bare 500 (logged here with its stack trace, never sent to the client).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ServiceUnavailable serviceUnavailable;
    private final ProblemWriter problemWriter;

    public ApiExceptionHandler(ServiceUnavailable serviceUnavailable, ProblemWriter problemWriter) {
        this.serviceUnavailable = serviceUnavailable;
        this.problemWriter = problemWriter;
    }

    /** A refusal for the moment (503, such as {@code ROSTER_BEHIND}) says when to try again, as an outage does. */
    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> refused(DomainException e) {
        ProblemDetail problem = Problems.of(e.code(), e.getMessage());
        if (e.code().status() == ErrorCode.SERVICE_UNAVAILABLE.status()) {
            return ResponseEntity.status(problem.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, serviceUnavailable.retryAfterSeconds())
                    .body(problem);
        }
        return respond(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        return e.getDetails()
                .filter(DomainError.class::isInstance)
                .map(DomainError.class::cast)
                .map(error -> respond(Problems.of(error.code(), error.message())))
                .orElseGet(() -> unexpected(e));
    }

    /** 422 naming the field: the text is well-formed JSON of the right length, but not text a person types. */
    @ExceptionHandler(InvalidTextException.class)
    public ResponseEntity<ProblemDetail> invalidText(InvalidTextException e) {
        ProblemDetail problem = Problems.of(ErrorCode.RULE_VIOLATED, e.getMessage());
        problem.setProperty("errors", Map.of(e.field(), e.getMessage()));
        return respond(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return respond(Problems.of(ErrorCode.VALIDATION_FAILED, e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return respond(Problems.of(ErrorCode.NOT_FOUND, "No such object."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> conflict(ConcurrencyException e) {
        return changedConcurrently();
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(Problems.of(ErrorCode.FORBIDDEN, "You may not do this."));
    }

    @ExceptionHandler(RateLimitedException.class)
    public ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        long seconds = Math.max(1, (long) Math.ceil(e.retryAfter().toMillis() / 1000.0));
        return ResponseEntity.status(ErrorCode.RATE_LIMITED.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(ErrorCode.RATE_LIMITED, e.getMessage()));
    }

    /** A multipart body the server cannot parse (a too large one is 413, handled by the superclass). */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return respond(Problems.of(ErrorCode.MALFORMED_REQUEST, "The multipart body cannot be read."));
    }

    /**
     * However deep the database's failure to answer is wrapped (a command handler's, a transaction's), it is an
     * outage; its refusal of a NUL in the client's text is the client's error.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutages.causedBy(e)) {
            log.warn("Database unreachable: {}", e.toString());
            return serviceUnavailable.response();
        }
        if (ConcurrentWrites.causedBy(e)) {
            log.warn("A concurrent write got there first: {}", e.toString());
            return changedConcurrently();
        }
        if (UnstorableText.causedBy(e)) {
            log.warn("Refused text the database cannot store: {}", e.toString());
            return respond(Problems.of(
                    ErrorCode.VALIDATION_FAILED, "The request holds a character that cannot be stored (NUL)."));
        }
        if (UnstorableText.timeCausedBy(e)) {
            log.warn("Refused a time the database cannot hold: {}", e.toString());
            return respond(Problems.of(ErrorCode.VALIDATION_FAILED, "The request names a time out of range."));
        }
        log.error("Unhandled error", e);
        return respond(Problems.of(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side."));
    }

    private static ResponseEntity<ProblemDetail> changedConcurrently() {
        return respond(Problems.of(ErrorCode.CONFLICT, "The object was changed concurrently; try again."));
    }

    /**
     * An {@code Accept} header that cannot be parsed leaves Spring no type to answer in, so its 406 went out empty. It
     * is the client's malformed request, told as a problem written here: negotiating would fail on the same header.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && servlet.getResponse() != null
                && !readable(servlet.getHeaderValues(HttpHeaders.ACCEPT))) {
            writeUnreadableAccept(servlet.getResponse());
            return null;
        }
        return super.handleHttpMediaTypeNotAcceptable(e, headers, status, request);
    }

    private static boolean readable(String[] accept) {
        try {
            MediaType.parseMediaTypes(accept == null ? List.of() : Arrays.asList(accept));
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private void writeUnreadableAccept(HttpServletResponse response) {
        try {
            problemWriter.write(response, ErrorCode.MALFORMED_REQUEST, "The Accept header cannot be read.");
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response already started: nothing more to tell it
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new TreeMap<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> fields.putIfAbsent(error.getField(), error.getDefaultMessage()));
        ProblemDetail problem = Problems.of(ErrorCode.VALIDATION_FAILED, "Some fields are invalid.");
        problem.setProperty("errors", fields);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, UnreadableInput.problem(e), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, UnreadableInput.missing(e.getParameterName()), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, UnreadableInput.missing(e.getRequestPartName()), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException parameter) {
            return handleExceptionInternal(e, UnreadableInput.problem(parameter), headers, status, request);
        }
        return super.handleTypeMismatch(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.VALIDATION_FAILED, "Some parameters are invalid.");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Spring MVC's own errors (unreadable body, wrong method, unknown path, …) get their code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
        ErrorCode code = Problems.codeFor(statusCode.value());
        problem.setType(code.type());
        problem.setProperty(Problems.CODE, code.name());
        return super.handleExceptionInternal(e, problem, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
