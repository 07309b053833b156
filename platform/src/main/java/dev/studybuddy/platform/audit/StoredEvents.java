package dev.studybuddy.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.platform.web.Cursors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads the domain-event collection of the event store directly, as stored: an aggregate's stream
 * from sequence 0 (never from a snapshot), and the global stream in store order (time, then sequence,
 * then event id), in batches through a Mongo cursor so that an export never holds the store in memory.
 */
public class StoredEvents {

    private final MongoTemplate mongoTemplate;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
    private final int batchSize;

    public StoredEvents(MongoTemplate mongoTemplate, int batchSize) {
        this.mongoTemplate = mongoTemplate;
        this.batchSize = batchSize;
    }

    /** The aggregate type of a stream, or empty if no event of that aggregate is stored. */
    public Optional<String> aggregateTypeOf(String aggregateId) {
        Document first = events().find(Filters.eq(fields.aggregateIdentifierProperty(), aggregateId))
                .sort(Sorts.ascending(fields.sequenceNumberProperty()))
                .limit(1)
                .first();
        return Optional.ofNullable(first).map(document -> document.getString(fields.typeProperty()));
    }

    /** Up to {@code limit} events of one stream after {@code afterSequence} ({@code -1}: from the start). */
    public List<StoredEvent> ofAggregate(String aggregateId, long afterSequence, int limit) {
        List<StoredEvent> page = new ArrayList<>();
        events().find(Filters.and(
                        Filters.eq(fields.aggregateIdentifierProperty(), aggregateId),
                        Filters.gt(fields.sequenceNumberProperty(), afterSequence)))
                .sort(Sorts.ascending(fields.sequenceNumberProperty()))
                .limit(limit)
                .forEach(document -> page.add(StoredEvent.of(document, fields)));
        return page;
    }

    /** Every event of one stream in sequence order, read in batches. */
    public void forEachOfAggregate(String aggregateId, Consumer<StoredEvent> action) {
        forEach(
                events().find(Filters.eq(fields.aggregateIdentifierProperty(), aggregateId))
                        .sort(Sorts.ascending(fields.sequenceNumberProperty())),
                action);
    }

    /**
     * The sequence number of the newest event of a stream after {@code afterSequence} and at most {@code upTo} whose
     * payload type (the stored class name) passes {@code wanted}, or {@code afterSequence} if none does. Reads only
     * the two fields, newest first, and stops at the first match.
     */
    public long lastOfTypes(String aggregateId, long afterSequence, long upTo, Predicate<String> wanted) {
        String sequence = fields.sequenceNumberProperty();
        try (MongoCursor<Document> cursor = events().find(Filters.and(
                        Filters.eq(fields.aggregateIdentifierProperty(), aggregateId),
                        Filters.gt(sequence, afterSequence),
                        Filters.lte(sequence, upTo)))
                .projection(Projections.include(sequence, fields.payloadTypeProperty()))
                .sort(Sorts.descending(sequence))
                .batchSize(batchSize)
                .iterator()) {
            while (cursor.hasNext()) {
                Document event = cursor.next();
                if (wanted.test(event.getString(fields.payloadTypeProperty()))) {
                    return ((Number) event.get(sequence)).longValue();
                }
            }
        }
        return afterSequence;
    }

    /** The time of the newest stored event, if any (the latest by the store's order). */
    public Optional<Instant> newestTimestamp() {
        return endTimestamp(Sorts.descending(fields.timestampProperty()));
    }

    /** The time of the oldest stored event, if any. */
    public Optional<Instant> oldestTimestamp() {
        return endTimestamp(Sorts.ascending(fields.timestampProperty()));
    }

    private Optional<Instant> endTimestamp(Bson order) {
        Document end = events().find()
                .projection(Projections.include(fields.timestampProperty()))
                .sort(order)
                .limit(1)
                .first();
        return Optional.ofNullable(end)
                .map(document -> DateTimeUtils.parseInstant(document.getString(fields.timestampProperty())));
    }

    /** The event with that sequence number of a stream, if stored. */
    public Optional<StoredEvent> at(String aggregateId, long sequence) {
        return Optional.ofNullable(events().find(eventAt(aggregateId, sequence)).first())
                .map(document -> StoredEvent.of(document, fields));
    }

    /**
     * The stored metadata of the event with that sequence number of a stream, if stored: only that field is read (the
     * hash chain looks up its predecessor's hash on every append; the payload would be read for nothing).
     */
    public Optional<JsonNode> metaDataAt(String aggregateId, long sequence) {
        return Optional.ofNullable(events().find(eventAt(aggregateId, sequence))
                        .projection(Projections.include(fields.metaDataProperty()))
                        .first())
                .map(document -> StoredEvent.parse(StoredEvent.text(document.get(fields.metaDataProperty()))));
    }

    private Bson eventAt(String aggregateId, long sequence) {
        return Filters.and(
                Filters.eq(fields.aggregateIdentifierProperty(), aggregateId),
                Filters.eq(fields.sequenceNumberProperty(), sequence));
    }

    /**
     * One page of the global stream: up to {@code limit} matching events after {@code cursor} (null: from
     * the start). The next cursor is null once the stream is exhausted.
     */
    public CursorPage<StoredEvent> page(EventFilter filter, String cursor, int limit) {
        List<StoredEvent> items = new ArrayList<>();
        String next = null;
        try (MongoCursor<Document> documents =
                global(filter, Position.decode(cursor)).limit(limit + 1).iterator()) {
            while (documents.hasNext()) {
                StoredEvent event = StoredEvent.of(documents.next(), fields);
                if (items.size() == limit) {
                    next = Position.of(items.get(items.size() - 1)).encode();
                    break;
                }
                items.add(event);
            }
        }
        return new CursorPage<>(items, next);
    }

    /** Every matching event of the global stream in store order, read through a cursor in batches. */
    public void export(EventFilter filter, Consumer<StoredEvent> action) {
        forEach(global(filter, null), action);
    }

    /** How many events the store holds, from the collection's metadata (no scan; may lag a concurrent append). */
    public long count() {
        return events().estimatedDocumentCount();
    }

    /**
     * How many events the store holds with a stored time after {@code after}, counted up to {@code atMost}: the count
     * stops there (MongoDB walks the time index's keys, one per event, so an uncapped count costs every event after
     * the time).
     */
    public long countAfter(Instant after, long atMost) {
        return events().countDocuments(
                        Filters.gt(fields.timestampProperty(), DateTimeUtils.formatInstant(after)),
                        new CountOptions().limit((int) Math.min(Integer.MAX_VALUE, atMost)));
    }

    private FindIterable<Document> global(EventFilter filter, Position after) {
        List<Bson> conditions = new ArrayList<>();
        // Axon stores times as fixed-width ISO-8601 text (milliseconds), so text order is time order.
        if (filter.from() != null) {
            conditions.add(Filters.gte(fields.timestampProperty(), DateTimeUtils.formatInstant(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(Filters.lt(fields.timestampProperty(), DateTimeUtils.formatInstant(filter.to())));
        }
        if (filter.type() != null) {
            conditions.add(
                    filter.type().contains(".")
                            ? Filters.eq(fields.payloadTypeProperty(), filter.type())
                            : Filters.regex(fields.payloadTypeProperty(), "\\." + Pattern.quote(filter.type()) + "$"));
        }
        if (filter.actor() != null) {
            // metadata is stored as JSON text: match the actor's entry in it
            conditions.add(
                    Filters.regex(fields.metaDataProperty(), Pattern.quote("\"actor\":\"" + filter.actor() + "\"")));
        }
        if (after != null) {
            String time = fields.timestampProperty();
            String sequence = fields.sequenceNumberProperty();
            // The bound on the time alone is what an index walk starts from: without it a planner that does not
            // merge the $or's branches (the stand-in, and MongoDB at times) walks every event before the cursor.
            conditions.add(Filters.gte(time, after.timestamp()));
            conditions.add(Filters.or(
                    Filters.gt(time, after.timestamp()),
                    Filters.and(Filters.eq(time, after.timestamp()), Filters.gt(sequence, after.sequence())),
                    Filters.and(
                            Filters.eq(time, after.timestamp()),
                            Filters.eq(sequence, after.sequence()),
                            Filters.gt(fields.eventIdentifierProperty(), after.eventId()))));
        }
        return events().find(conditions.isEmpty() ? new Document() : Filters.and(conditions))
                .sort(Sorts.ascending(
                        fields.timestampProperty(), fields.sequenceNumberProperty(), fields.eventIdentifierProperty()))
                .batchSize(batchSize);
    }

    private void forEach(FindIterable<Document> documents, Consumer<StoredEvent> action) {
        try (MongoCursor<Document> cursor = documents.batchSize(batchSize).iterator()) {
            while (cursor.hasNext()) {
                action.accept(StoredEvent.of(cursor.next(), fields));
            }
        }
    }

    private MongoCollection<Document> events() {
        return mongoTemplate.eventCollection();
    }

    /** Filters of the global stream; each may be null. {@code type} is the payload class, simple or qualified name. */
    public record EventFilter(Instant from, Instant to, String type, String actor) {}

    /** Where a page of the global stream ended; opaque to clients. */
    record Position(String timestamp, long sequence, String eventId) {

        static Position of(StoredEvent event) {
            return new Position(event.timestamp(), event.sequence(), event.eventId());
        }

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((timestamp + "|" + sequence + "|" + eventId).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws dev.studybuddy.api.error.DomainException 400 {@code MALFORMED_REQUEST} ({@link Cursors#notIssued()}) */
        static Position decode(String cursor) {
            if (!Cursors.given(cursor)) {
                return null;
            }
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
                DateTimeUtils.parseInstant(parts[0]);
                return new Position(parts[0], Long.parseLong(parts[1]), parts[2]);
            } catch (RuntimeException e) {
                throw Cursors.notIssued();
            }
        }
    }
}
