package dev.studybuddy.command.idempotency;

/** What the store says when a keyed request arrives. */
sealed interface Claim {

    /** The key is this request's now: serve it, then record the outcome. */
    record Claimed() implements Claim {}

    /** Served before with the same request: answer its outcome again. */
    record Completed(StoredResponse response) implements Claim {}

    /** The first request with this key is still being served (or its node died less than a lease ago). */
    record InProgress() implements Claim {}

    /** The key was used for a different request (another path or body). */
    record UsedForAnotherRequest() implements Claim {}
}
