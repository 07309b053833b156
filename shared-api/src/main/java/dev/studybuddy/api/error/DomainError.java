package dev.studybuddy.api.error;

/** The serializable details a refused command carries back to its sender. */
public record DomainError(ErrorCode code, String message) {}
