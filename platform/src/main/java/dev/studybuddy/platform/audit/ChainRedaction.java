package dev.studybuddy.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybuddy.platform.audit.PlainTextRedaction.StoredText;
import dev.studybuddy.platform.personaldata.PlainFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

/**
 * One walk of a stream for {@link PlainTextRedaction}: checks its chain as stored, event by event, exactly as
 * {@link ChainVerifier} does, and works out what to rewrite: the events with plain personal fields (sealed), and every
 * event after the first of them (relinked, as its predecessor's hash changes). A relinked event's metadata keeps
 * {@link #REDACTION}: the redaction's id, the fields it sealed or nulled, and {@link #HASH_BEFORE}, the hash it had
 * before. An event appended on its predecessor's former hash while the stream was being redacted (its writer read the
 * predecessor before it was rewritten, or an earlier run stopped part way) is accepted if its own hash verifies, and
 * relinked too. Nothing is written here. Fed one document at a time, so that a long stream need not be held at once;
 * a dry run checks the whole stream first, as a stream that does not verify is to be left alone whole.
 */
final class ChainRedaction {

    /** Metadata key of a rewritten event's redaction record. */
    static final String REDACTION = "redaction";
    /** In the redaction record: the event's hash before its rewrite. */
    static final String HASH_BEFORE = "hashBefore";
    /** Stands for a new link a dry run does not compute; no stored link equals it. */
    private static final String DRY_RUN_LINK = "(not computed in a dry run)";

    private final String redaction;
    private final PlainFields plainFields;
    private final EventEntryConfiguration fields;
    private final boolean dryRun;

    private String previous = EventHashChain.GENESIS; // the predecessor's hash as it will be stored
    private String previousBefore = EventHashChain.GENESIS; // and as it was before it was last rewritten
    private boolean chainStarted;
    private long expected;
    private String headBefore;
    private String headAfter;
    private int rewritten;
    private int sealed;
    private int blanked;
    private String refusal;

    /**
     * @param dryRun only check the stream and count what would be rewritten: nothing is sealed (no key is made) and no
     *               rewrite is handed back
     */
    ChainRedaction(String redaction, PlainFields plainFields, EventEntryConfiguration fields, boolean dryRun) {
        this.redaction = redaction;
        this.plainFields = plainFields;
        this.fields = fields;
        this.dryRun = dryRun;
    }

    /** One document to rewrite, if it is still as it was read. */
    record Rewrite(Object documentId, Object payloadBefore, Object metaDataBefore, Object payload, Object metaData) {}

    /**
     * @param refusal why the stream is left alone, or null
     */
    record Outcome(String refusal, String headBefore, String headAfter, int rewritten, int sealed, int blanked) {

        /** Nothing done, for that reason. */
        static Outcome refusal(String reason) {
            return new Outcome(reason, null, null, 0, 0, 0);
        }

        Outcome refused(String reason) {
            return new Outcome(reason, headBefore, headAfter, rewritten, sealed, blanked);
        }

        /** This pass followed by the next one over the same stream. */
        Outcome then(Outcome next) {
            return new Outcome(
                    next.refusal,
                    headBefore,
                    next.headAfter,
                    rewritten + next.rewritten,
                    sealed + next.sealed,
                    blanked + next.blanked);
        }
    }

    /** @return whether the walk goes on (false once the stream has been refused) */
    boolean walking() {
        return refusal == null;
    }

    /** What the walk found (or rewrote) so far; refused with what it had handed back before. */
    Outcome outcome() {
        return new Outcome(refusal, headBefore, headAfter, rewritten, sealed, blanked);
    }

    /** Walks every document of a stream, in sequence order, and answers the rewrites (none if it was refused). */
    List<Rewrite> walk(Iterable<Document> documents) {
        List<Rewrite> rewrites = new ArrayList<>();
        for (Document document : documents) {
            accept(document).ifPresent(rewrites::add);
            if (!walking()) {
                return List.of();
            }
        }
        return rewrites;
    }

    /**
     * Feeds the stream's next document (in sequence order).
     *
     * @return its rewrite, if it needs one (never in a dry run)
     */
    Optional<Rewrite> accept(Document document) {
        if (refusal != null) {
            return Optional.empty();
        }
        StoredEvent event = StoredEvent.of(document, fields);
        if (event.sequence() != expected) {
            return refuse("event " + expected + " is missing or stored twice");
        }
        expected++;
        Object storedPayload = document.get(fields.payloadProperty());
        ObjectNode payload = StoredText.object(storedPayload);
        PlainFields.Sealing sealing = sealing(event, payload);
        sealed += sealing.sealed().size();
        blanked += sealing.blanked().size();
        Object newPayload = sealing.isEmpty() || dryRun ? storedPayload : StoredText.like(storedPayload, payload);
        if (event.hash() == null) {
            // stored before the chain existed: nothing vouches for it and nothing chains from it
            if (chainStarted) {
                return refuse("event " + event.sequence() + " carries no hash");
            }
            return sealing.isEmpty()
                    ? Optional.empty()
                    : rewrite(document, newPayload, record(document, sealing, null));
        }
        chainStarted = true;
        String storedPrevious = Objects.requireNonNullElse(event.previousHash(), EventHashChain.GENESIS);
        boolean continues = storedPrevious.equals(previous);
        if (!continues && !storedPrevious.equals(previousBefore)) {
            return refuse("event " + event.sequence() + " does not continue the chain of its predecessor");
        }
        if (!event.recomputedHash(storedPrevious).equals(event.hash())) {
            return refuse("the content of event " + event.sequence() + " does not match its hash");
        }
        headBefore = event.hash();
        String before = hashBefore(event);
        if (sealing.isEmpty() && continues) {
            previous = event.hash();
            previousBefore = before;
            headAfter = previous;
            return Optional.empty();
        }
        // a dry run cannot tell the new link (nothing was sealed): what follows is checked against the stored one
        String hash = dryRun
                ? null
                : EventHashChain.link(
                        previous,
                        event.payloadType(),
                        StoredText.of(newPayload),
                        event.sequence(),
                        event.timestamp(),
                        event.actor());
        ObjectNode metaData = record(document, sealing, event.hash());
        metaData.put(EventHashChain.HASH, hash);
        metaData.put(EventHashChain.PREVIOUS_HASH, previous);
        previous = Objects.requireNonNullElse(hash, DRY_RUN_LINK);
        previousBefore = event.hash();
        headAfter = hash;
        return rewrite(document, newPayload, metaData);
    }

    private PlainFields.Sealing sealing(StoredEvent event, ObjectNode payload) {
        if (payload == null) {
            return new PlainFields.Sealing(List.of(), List.of());
        }
        if (dryRun) {
            return plainFields.holdsPlainText(event.payloadType(), payload)
                    ? new PlainFields.Sealing(List.of("?"), List.of())
                    : new PlainFields.Sealing(List.of(), List.of());
        }
        return plainFields.seal(event.payloadType(), payload, event.actor());
    }

    private Optional<Rewrite> refuse(String reason) {
        refusal = reason;
        return Optional.empty();
    }

    /** The hash the event had before it was last rewritten, or its own if it never was. */
    private static String hashBefore(StoredEvent event) {
        JsonNode before = event.metaData().path(REDACTION).path(HASH_BEFORE);
        return before.isTextual() ? before.asText() : event.hash();
    }

    /** The event's metadata with this redaction's record (the fields of an earlier one are kept in it). */
    private ObjectNode record(Document document, PlainFields.Sealing sealing, String hashBefore) {
        ObjectNode metaData = StoredText.object(document.get(fields.metaDataProperty()));
        if (metaData == null) {
            metaData = JsonNodeFactory.instance.objectNode();
        }
        JsonNode earlier = metaData.path(REDACTION);
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("id", redaction);
        if (hashBefore != null) {
            record.put(HASH_BEFORE, hashBefore);
        }
        record.set("sealed", names(earlier.path("sealed"), sealing.sealed()));
        record.set("blanked", names(earlier.path("blanked"), sealing.blanked()));
        metaData.set(REDACTION, record);
        return metaData;
    }

    private static ArrayNode names(JsonNode earlier, List<String> now) {
        Set<String> all = new LinkedHashSet<>();
        earlier.forEach(name -> all.add(name.asText()));
        all.addAll(now);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        all.forEach(array::add);
        return array;
    }

    private Optional<Rewrite> rewrite(Document document, Object payload, ObjectNode metaData) {
        rewritten++;
        if (dryRun) {
            return Optional.empty();
        }
        Object metaDataBefore = document.get(fields.metaDataProperty());
        return Optional.of(new Rewrite(
                document.get("_id"),
                document.get(fields.payloadProperty()),
                metaDataBefore,
                payload,
                StoredText.like(metaDataBefore, metaData)));
    }
}
