package dev.studybuddy.platform.web;

import java.time.Duration;

/** Too many attempts; the caller may try again after {@code retryAfter}. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many requests; try again later.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
