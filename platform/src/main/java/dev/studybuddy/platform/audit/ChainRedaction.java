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
import java.util.Set;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

/**
 * One walk of a stream for {@link PlainTextRedaction}: checks its chain as stored, event by event, exactly as
 * {@link ChainVerifier} does, and works out what to rewrite: the events with plain personal fields (sealed), and every
 * event after the first of them (relinked, as its predecessor's hash changes). A relinked event's metadata keeps
 * {@link #REDACTION}: the redaction's id, the fields it sealed or nulled, and {@link #HASH_BEFORE}, the hash it had
 * before. An event appended on its predecessor's former hash while the stream was being redacted (its writer read the
 * predecessor before it was rewritten) is accepted if its own hash verifies, and relinked too. Nothing is written
 * here: a stream that does not verify is refused whole.
 */
final class ChainRedaction {

    /** Metadata key of a rewritten event's redaction record. */
    static final String REDACTION = "redaction";
    /** In the redaction record: the event's hash before its rewrite. */
    static final String HASH_BEFORE = "hashBefore";

    private final String redaction;
    private final PlainFields plainFields;
    private final EventEntryConfiguration fields;
    private final List<Rewrite> rewrites = new ArrayList<>();

    ChainRedaction(String redaction, PlainFields plainFields, EventEntryConfiguration fields) {
        this.redaction = redaction;
        this.plainFields = plainFields;
        this.fields = fields;
    }

    /** One document to rewrite, if it is still as it was read. */
    record Rewrite(Object documentId, Object payloadBefore, Object metaDataBefore, Object payload, Object metaData) {}

    /**
     * @param refusal why the stream is left alone, or null
     */
    record Outcome(String refusal, String headBefore, String headAfter, int rewritten, int sealed, int blanked) {

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

    List<Rewrite> rewrites() {
        return rewrites;
    }

    /** @param documents the stream's documents in sequence order */
    Outcome walk(List<Document> documents) {
        String previous = EventHashChain.GENESIS; // the predecessor's hash as it will be stored
        String previousBefore = EventHashChain.GENESIS; // and as it was before it was last rewritten
        boolean chainStarted = false;
        long expected = 0;
        String headBefore = null;
        String headAfter = null;
        int sealed = 0;
        int blanked = 0;
        for (Document document : documents) {
            StoredEvent event = StoredEvent.of(document, fields);
            if (event.sequence() != expected) {
                return refusal("event " + expected + " is missing or stored twice");
            }
            expected++;
            Object storedPayload = document.get(fields.payloadProperty());
            ObjectNode payload = StoredText.object(storedPayload);
            PlainFields.Sealing sealing = payload == null
                    ? new PlainFields.Sealing(List.of(), List.of())
                    : plainFields.seal(event.payloadType(), payload, event.actor());
            sealed += sealing.sealed().size();
            blanked += sealing.blanked().size();
            Object newPayload = sealing.isEmpty() ? storedPayload : StoredText.like(storedPayload, payload);
            if (event.hash() == null) {
                // stored before the chain existed: nothing vouches for it and nothing chains from it
                if (chainStarted) {
                    return refusal("event " + event.sequence() + " carries no hash");
                }
                if (!sealing.isEmpty()) {
                    rewrites.add(rewrite(document, newPayload, record(document, sealing, null)));
                }
                continue;
            }
            chainStarted = true;
            String storedPrevious = Objects.requireNonNullElse(event.previousHash(), EventHashChain.GENESIS);
            boolean continues = storedPrevious.equals(previous);
            if (!continues && !storedPrevious.equals(previousBefore)) {
                return refusal("event " + event.sequence() + " does not continue the chain of its predecessor");
            }
            if (!event.recomputedHash(storedPrevious).equals(event.hash())) {
                return refusal("the content of event " + event.sequence() + " does not match its hash");
            }
            headBefore = event.hash();
            String before = hashBefore(event);
            if (sealing.isEmpty() && continues) {
                previous = event.hash();
                previousBefore = before;
                headAfter = previous;
                continue;
            }
            String hash = EventHashChain.link(
                    previous,
                    event.payloadType(),
                    StoredText.of(newPayload),
                    event.sequence(),
                    event.timestamp(),
                    event.actor());
            ObjectNode metaData = record(document, sealing, event.hash());
            metaData.put(EventHashChain.HASH, hash);
            metaData.put(EventHashChain.PREVIOUS_HASH, previous);
            rewrites.add(rewrite(document, newPayload, metaData));
            previous = hash;
            previousBefore = event.hash();
            headAfter = hash;
        }
        return new Outcome(null, headBefore, headAfter, rewrites.size(), sealed, blanked);
    }

    private Outcome refusal(String reason) {
        rewrites.clear();
        return new Outcome(reason, null, null, 0, 0, 0);
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

    private Rewrite rewrite(Document document, Object payload, ObjectNode metaData) {
        Object metaDataBefore = document.get(fields.metaDataProperty());
        return new Rewrite(
                document.get("_id"),
                document.get(fields.payloadProperty()),
                metaDataBefore,
                payload,
                StoredText.like(metaDataBefore, metaData));
    }
}
