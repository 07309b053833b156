package dev.studybuddy.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Walks a stream from sequence 0 and recomputes every link of its hash chain. Finds the first event
 * that does not match: a changed payload, type, time, sequence or actor (its hash differs), a deleted
 * event (a gap in the sequence, or a link that no longer continues its predecessor), an event whose
 * hash was stripped. Events stored before the chain existed (a stream's leading events without a
 * hash) are counted as {@code unchained}: nothing vouches for them, and the chain starts after them.
 * Deleting a stream's last events leaves no gap behind and is not detectable from the stream alone. Events that the
 * redaction of plain personal fields rewrote and relinked ({@link PlainTextRedaction}) verify like any other, as
 * their links were computed over what is stored now; they are counted as {@code redacted}.
 */
public final class ChainVerifier {

    private String previousHash = EventHashChain.GENESIS;
    private long expectedSequence;
    private long unchained;
    private long redacted;
    private boolean chainStarted;
    private Verification broken;

    /** @return the verdict over every event of the stream */
    public static Verification verify(StoredEvents events, String aggregateId) {
        ChainVerifier verifier = new ChainVerifier();
        events.forEachOfAggregate(aggregateId, verifier::accept);
        return verifier.verdict();
    }

    /** Feeds the next event of the stream, in sequence order. */
    public void accept(StoredEvent event) {
        if (broken != null) {
            return;
        }
        if (event.sequence() != expectedSequence) {
            broken = Verification.broken(
                    expectedSequence,
                    event.sequence() > expectedSequence
                            ? "event " + expectedSequence + " is missing (the next stored event is " + event.sequence()
                                    + ")"
                            : "sequence " + event.sequence() + " is stored twice or out of order");
            return;
        }
        expectedSequence++;
        if (event.metaData().has(ChainRedaction.REDACTION)) {
            redacted++;
        }
        if (event.hash() == null) {
            if (chainStarted) {
                broken = Verification.broken(event.sequence(), "the event carries no hash");
            } else {
                unchained++;
            }
            return;
        }
        chainStarted = true;
        if (!Objects.equals(Objects.requireNonNullElse(event.previousHash(), EventHashChain.GENESIS), previousHash)) {
            broken = Verification.broken(event.sequence(), "the event does not continue the chain of its predecessor");
            return;
        }
        String recomputed = event.recomputedHash(previousHash);
        if (!recomputed.equals(event.hash())) {
            broken = Verification.broken(event.sequence(), "the event's content does not match its hash");
            return;
        }
        previousHash = recomputed;
    }

    public Verification verdict() {
        if (broken != null) {
            return broken;
        }
        return new Verification(Verification.OK, null, null, expectedSequence, unchained, redacted);
    }

    /**
     * {@code status} OK or BROKEN; for BROKEN the first {@code sequence} that does not match and why.
     * {@code events}: how many were checked; {@code unchained}: leading events from before the chain; {@code redacted}:
     * events rewritten by the redaction of plain personal fields (each keeps its former hash in its metadata).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(
            String status, Long sequence, String reason, Long events, Long unchained, Long redacted) {

        public static final String OK = "OK";
        public static final String BROKEN = "BROKEN";

        static Verification broken(long sequence, String reason) {
            return new Verification(BROKEN, sequence, reason, null, null, null);
        }
    }
}
