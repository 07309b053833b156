package dev.studybuddy.api.error;

/**
 * A refusal with a stable code. Aggregates throw it; it travels to the caller as the details of a
 * command execution exception, and the web layer turns it into a problem response.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
