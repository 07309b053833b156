package dev.studybuddy.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence of an aggregate's stream: each event's metadata carries {@link #HASH}, the
 * SHA-256 of the previous event's hash and this event's payload type, serialized payload (exactly as
 * stored), sequence number, stored timestamp and actor. Changing any of them, or deleting or
 * renumbering an event, breaks the chain from there on. The one place that computes it: the store
 * ({@code HashChainingEventStorageEngine}) when it appends, {@link ChainVerifier} when it checks.
 */
public final class EventHashChain {

    /** Metadata key of an event's own link. */
    public static final String HASH = "hash";
    /** Metadata key of the link it continues (empty for the first event of a chain). */
    public static final String PREVIOUS_HASH = "previousHash";
    /** What the first event of a stream chains from. */
    public static final String GENESIS = "";

    private static final char SEPARATOR = '\u001f';

    private EventHashChain() {}

    /**
     * @param timestamp as the store keeps it (Axon's {@code DateTimeUtils.formatInstant}, millisecond precision)
     * @param actor     the {@code actor} metadata, or {@code null} when the event has none
     */
    public static String link(
            String previousHash, String payloadType, String payload, long sequence, String timestamp, String actor) {
        MessageDigest sha256 = sha256();
        // Fields are separated by a control character no field contains, so no two inputs hash alike
        // by shifting text from one field into the next.
        update(sha256, previousHash == null ? GENESIS : previousHash);
        update(sha256, payloadType);
        update(sha256, payload);
        update(sha256, Long.toString(sequence));
        update(sha256, timestamp);
        update(sha256, actor == null ? "" : actor);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void update(MessageDigest digest, String field) {
        digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) SEPARATOR);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
