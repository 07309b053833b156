package dev.studybuddy.api.metadata;

/** Keys of the metadata that every command carries and every event inherits from it. */
public final class MessageMetadata {

    /** The user id of whoever caused the message (from the access token's subject). */
    public static final String ACTOR = "actor";
    /** Ties every message of one request together, from the HTTP call to the last notification. */
    public static final String TRACE_ID = "traceId";
    /** Set to {@code true} when a platform moderator acted on something that is not theirs. */
    public static final String MODERATION = "moderation";

    private MessageMetadata() {}
}
