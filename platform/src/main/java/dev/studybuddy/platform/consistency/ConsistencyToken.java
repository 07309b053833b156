package dev.studybuddy.platform.consistency;

/**
 * Names a write: "the event at {@code sequence} of aggregate {@code aggregateId}". A command's answer
 * carries it, signed ({@link ConsistencyTokens}); a query that sends it back waits until its read model has passed that
 * event.
 */
public record ConsistencyToken(String aggregateId, long sequence) {

    public static final String HEADER = "X-Consistency-Token";
    public static final String STATUS_HEADER = "X-Consistency";
}
