package dev.studybuddy.api.group;

/** What a join came to: a seat at once, or a request waiting for approval. */
public enum JoinOutcome {
    JOINED,
    REQUESTED
}
