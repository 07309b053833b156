package dev.studybuddy.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An event as the audit API shows it: who, when, on which request, what, and its link in the chain. */
public record AuditedEvent(
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant time,
        String type,
        String revision,
        String actor,
        String traceId,
        boolean moderation,
        JsonNode payload,
        String hash) {

    public static AuditedEvent of(StoredEvent event) {
        return new AuditedEvent(
                event.eventId(),
                event.aggregateType(),
                event.aggregateId(),
                event.sequence(),
                event.time(),
                event.payloadType(),
                event.revision(),
                event.actor(),
                event.traceId(),
                event.moderation(),
                event.payloadJson(),
                event.hash());
    }
}
