package dev.studybuddy.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybuddy.api.metadata.MessageMetadata;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

/**
 * One event document of the store exactly as it is stored: payload and metadata are the serialized
 * JSON text, never deserialized into the event classes, so the audit shows (and the hash chain checks)
 * what is really there, whatever upcasters would make of it.
 */
public record StoredEvent(
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String timestamp,
        String payloadType,
        String revision,
        String payload,
        JsonNode metaData) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredEvent of(Document document, EventEntryConfiguration fields) {
        return new StoredEvent(
                document.getString(fields.eventIdentifierProperty()),
                document.getString(fields.typeProperty()),
                document.getString(fields.aggregateIdentifierProperty()),
                ((Number) document.get(fields.sequenceNumberProperty())).longValue(),
                document.getString(fields.timestampProperty()),
                document.getString(fields.payloadTypeProperty()),
                document.getString(fields.payloadRevisionProperty()),
                text(document.get(fields.payloadProperty())),
                parse(text(document.get(fields.metaDataProperty()))));
    }

    /** The event's stored form is a JSON string; anything else (a hand-edited document) is shown as JSON too. */
    static String text(Object stored) {
        if (stored == null) {
            return null;
        }
        return stored instanceof Document document ? document.toJson() : stored.toString();
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // an event whose payload is not JSON (tampered with, or another serializer) stays visible as text
            return JSON.getNodeFactory().textNode(json);
        }
    }

    public Instant time() {
        return DateTimeUtils.parseInstant(timestamp);
    }

    public String actor() {
        return metaText(MessageMetadata.ACTOR);
    }

    public String traceId() {
        return metaText(MessageMetadata.TRACE_ID);
    }

    public String hash() {
        return metaText(EventHashChain.HASH);
    }

    public String previousHash() {
        return metaText(EventHashChain.PREVIOUS_HASH);
    }

    public JsonNode payloadJson() {
        return parse(payload);
    }

    /** The payload's own {@code moderation} flag where the event has one, else the command's metadata. */
    public boolean moderation() {
        JsonNode payloadJson = payloadJson();
        if (payloadJson instanceof ObjectNode object && object.hasNonNull(MessageMetadata.MODERATION)) {
            return object.get(MessageMetadata.MODERATION).asBoolean();
        }
        return metaData.path(MessageMetadata.MODERATION).asBoolean(false);
    }

    /** This event's link, recomputed from what is stored. */
    public String recomputedHash(String previousHash) {
        return EventHashChain.link(previousHash, payloadType, payload, sequence, timestamp, actor());
    }

    private String metaText(String key) {
        JsonNode value = metaData.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
