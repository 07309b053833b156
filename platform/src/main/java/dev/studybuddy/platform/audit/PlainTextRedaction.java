package dev.studybuddy.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.studybuddy.platform.personaldata.PlainFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audited one-off redaction of events stored before personal fields were sealed (docs/adr/0019, "Events stored
 * before this"): every personal field still in clear text is sealed with its subject's key in place (or nulled when
 * the subject has no key), and the stream's hash chain is linked anew from the first rewritten event to its head,
 * each relinked event keeping its former hash ({@link ChainRedaction}). A stream whose chain does not verify as
 * stored is left alone and reported: relinking it would launder the tampering. Every stream redacted gets a record
 * in {@link #RECORDS} (who, when, its head before and after). Running it again does nothing more, apart from relinking
 * an event that a writer appended on the former head while the stream was being redacted, or finishing a stream a
 * run left part way (a document changed under it).
 */
public class PlainTextRedaction {

    /** The collection of the event store's database that records every redacted stream. */
    public static final String RECORDS = "event_redactions";

    private static final Logger log = LoggerFactory.getLogger(PlainTextRedaction.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A stream changed by writers while it is redacted is walked again, this many times at most. */
    private static final int PASSES = 5;
    /** How many events of a stream are read (and rewritten) at a time. */
    private static final int PAGE = 500;

    private final MongoTemplate template;
    private final MongoCollection<Document> records;
    private final PlainFields plainFields;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();

    public PlainTextRedaction(MongoTemplate template, MongoDatabase database, PlainFields plainFields) {
        this.template = template;
        this.records = database.getCollection(RECORDS);
        this.plainFields = plainFields;
    }

    /**
     * @param actor who asked for it (an id), recorded with every redacted stream
     */
    public Report run(String actor, Instant at) {
        String redaction = UUID.randomUUID().toString();
        Report report = new Report(redaction, new ArrayList<>(), new ArrayList<>());
        for (String aggregateId : streamsToRedact()) {
            ChainRedaction.Outcome outcome = redactStream(redaction, aggregateId);
            if (outcome.refusal() != null) {
                log.warn("Redaction {} did not finish stream {}: {}", redaction, aggregateId, outcome.refusal());
                report.refused().add(new Refusal(aggregateId, outcome.refusal()));
            }
            if (outcome.rewritten() > 0) {
                records.insertOne(new Document("_id", redaction + ":" + aggregateId)
                        .append("redaction", redaction)
                        .append("aggregateId", aggregateId)
                        .append("at", Date.from(at))
                        .append("by", actor)
                        .append("headBefore", outcome.headBefore())
                        .append("headAfter", outcome.headAfter())
                        .append("eventsRewritten", outcome.rewritten())
                        .append("fieldsSealed", outcome.sealed())
                        .append("fieldsBlanked", outcome.blanked()));
                report.streams()
                        .add(new Redacted(aggregateId, outcome.rewritten(), outcome.sealed(), outcome.blanked()));
            }
        }
        log.info(
                "Redaction {} by {}: {} streams rewritten, {} left alone",
                redaction,
                actor,
                report.streams().size(),
                report.refused().size());
        return report;
    }

    /** Streams with a personal field in clear text, or redacted before (to relink an event appended meanwhile). */
    private Set<String> streamsToRedact() {
        Set<String> streams = new LinkedHashSet<>();
        template.eventCollection()
                .find()
                .projection(Projections.include(
                        fields.aggregateIdentifierProperty(),
                        fields.payloadTypeProperty(),
                        fields.payloadProperty(),
                        fields.metaDataProperty()))
                .forEach(document -> {
                    String type = document.getString(fields.payloadTypeProperty());
                    String aggregateId = document.getString(fields.aggregateIdentifierProperty());
                    if (aggregateId == null || streams.contains(aggregateId)) {
                        return;
                    }
                    String metaData = StoredText.of(document.get(fields.metaDataProperty()));
                    if ((metaData != null && metaData.contains("\"" + ChainRedaction.REDACTION + "\""))
                            || (plainFields.hasPersonalFields(type)
                                    && plainFields.holdsPlainText(
                                            type,
                                            StoredEvent.parse(
                                                    StoredText.of(document.get(fields.payloadProperty())))))) {
                        streams.add(aggregateId);
                    }
                });
        return streams;
    }

    /**
     * Checks the stream whole (a dry run), then rewrites it page by page; again while writers appended on a former
     * link meanwhile.
     */
    private ChainRedaction.Outcome redactStream(String redaction, String aggregateId) {
        ChainRedaction.Outcome total = null;
        for (int pass = 0; pass < PASSES; pass++) {
            ChainRedaction.Outcome checked = pass(redaction, aggregateId, true);
            if (checked.refusal() != null) {
                ChainRedaction.Outcome refused = ChainRedaction.Outcome.refusal(checked.refusal());
                return total == null ? refused : total.then(refused);
            }
            if (checked.rewritten() == 0) {
                return total == null ? checked : total.then(checked);
            }
            ChainRedaction.Outcome done = pass(redaction, aggregateId, false);
            total = total == null ? done : total.then(done);
            if (done.refusal() != null) {
                return total;
            }
        }
        return total.refused("writers kept appending to it; run the redaction again");
    }

    private ChainRedaction.Outcome pass(String redaction, String aggregateId, boolean dryRun) {
        ChainRedaction walk = new ChainRedaction(redaction, plainFields, fields, dryRun);
        long after = -1;
        while (walk.walking()) {
            List<Document> page = new ArrayList<>(PAGE);
            template.eventCollection()
                    .find(Filters.and(
                            Filters.eq(fields.aggregateIdentifierProperty(), aggregateId),
                            Filters.gt(fields.sequenceNumberProperty(), after)))
                    .sort(Sorts.ascending(fields.sequenceNumberProperty()))
                    .limit(PAGE)
                    .forEach(page::add);
            if (page.isEmpty()) {
                break;
            }
            if (!write(walk.walk(page))) {
                // what was written is a relinked beginning of the stream, which the next run continues from
                return walk.outcome().refused("an event changed while it was being redacted; run the redaction again");
            }
            after = ((Number) page.get(page.size() - 1).get(fields.sequenceNumberProperty())).longValue();
        }
        return walk.outcome();
    }

    /** Writes each rewrite only if its document is still as it was read. */
    private boolean write(List<ChainRedaction.Rewrite> rewrites) {
        for (ChainRedaction.Rewrite rewrite : rewrites) {
            long matched = template.eventCollection()
                    .updateOne(
                            Filters.and(
                                    Filters.eq("_id", rewrite.documentId()),
                                    Filters.eq(fields.payloadProperty(), rewrite.payloadBefore()),
                                    Filters.eq(fields.metaDataProperty(), rewrite.metaDataBefore())),
                            Updates.combine(
                                    Updates.set(fields.payloadProperty(), rewrite.payload()),
                                    Updates.set(fields.metaDataProperty(), rewrite.metaData())))
                    .getMatchedCount();
            if (matched == 0) {
                return false;
            }
        }
        return true;
    }

    /** What a run did: the streams it rewrote and those it left alone, and why. */
    public record Report(String redaction, List<Redacted> streams, List<Refusal> refused) {}

    public record Redacted(String aggregateId, int eventsRewritten, int fieldsSealed, int fieldsBlanked) {}

    public record Refusal(String aggregateId, String reason) {}

    /** A stored payload or metadata value as the text it stands for (see {@link StoredEvent}). */
    static final class StoredText {

        private StoredText() {}

        static String of(Object stored) {
            if (stored == null) {
                return null;
            }
            return stored instanceof Document document ? document.toJson() : stored.toString();
        }

        /** The new text in the form the old value was stored in (a string, or a document). */
        static Object like(Object before, JsonNode json) {
            String text;
            try {
                text = JSON.writeValueAsString(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A JSON tree that cannot be written", e);
            }
            return before instanceof Document ? Document.parse(text) : text;
        }

        static ObjectNode object(Object stored) {
            JsonNode node = StoredEvent.parse(of(stored));
            return node instanceof ObjectNode object ? object : null;
        }
    }
}
