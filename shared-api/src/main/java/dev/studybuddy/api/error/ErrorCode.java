package dev.studybuddy.api.error;

import java.net.URI;

/**
 * Stable error codes: the {@code code} member of every problem response, and the last segment of its
 * {@code type} URI. Clients may switch on them; they are never renamed.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    /** An e-mail verification or password reset token that is unknown, spent, expired or of the other kind. */
    INVALID_TOKEN(400),
    /** An {@code Idempotency-Key} header that is not 1–255 visible ASCII characters. */
    IDEMPOTENCY_KEY_INVALID(400),
    UNAUTHENTICATED(401),
    INVALID_CREDENTIALS(401),
    INVALID_REFRESH_TOKEN(401),
    FORBIDDEN(403),
    ACCOUNT_DEACTIVATED(403),
    /** The current password given to change it is not the account's. */
    WRONG_PASSWORD(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    USERNAME_TAKEN(409),
    EMAIL_TAKEN(409),
    CONFLICT(409),
    /** The first request with this {@code Idempotency-Key} is still being served; retry a moment later. */
    IDEMPOTENCY_KEY_IN_USE(409),
    ALREADY_FRIENDS(409),
    REQUEST_ALREADY_PENDING(409),
    ALREADY_MEMBER(409),
    GROUP_FULL(409),
    GROUP_ARCHIVED(409),
    /** The conversation has as many pinned messages as it may hold; unpin one first. */
    PIN_LIMIT_REACHED(409),
    /** The message carries as many different emoji as it may; react with one of those. */
    REACTION_LIMIT_REACHED(409),
    FRIEND_REQUEST_NOT_POSSIBLE(403),
    NOT_A_MEMBER(403),
    BANNED_FROM_GROUP(403),
    INVITATION_REQUIRED(403),
    NOTHING_PENDING(404),
    PAYLOAD_TOO_LARGE(413),
    STORAGE_QUOTA_EXCEEDED(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    /** No byte range a download asked for ({@code Range}) lies within the file. */
    RANGE_NOT_SATISFIABLE(416),
    RULE_VIOLATED(422),
    EDIT_WINDOW_CLOSED(422),
    /** This {@code Idempotency-Key} was used for another request (other path or body) within its lifetime. */
    IDEMPOTENCY_KEY_REUSED(422),
    NOT_FRIENDS(403),
    WEAK_PASSWORD(422),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500),
    /** A store this request needs is unreachable for the moment; retry after {@code Retry-After} seconds. */
    SERVICE_UNAVAILABLE(503),
    /**
     * The group's roster on the read side is stalled (events of the group are parked as dead letters), so
     * who belongs to it cannot be told: its content is refused until the letters are retried or dropped.
     * Retry after {@code Retry-After} seconds.
     */
    ROSTER_BEHIND(503);

    private static final String TYPE_BASE = "https://studybuddy.dev/problems/";

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The problem's {@code type}: a stable URI per code. */
    public URI type() {
        return URI.create(TYPE_BASE + name().toLowerCase().replace('_', '-'));
    }
}
