package dev.studybuddy.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An event as the audit API shows it: who, when, on which request, what, and its link in the chain; for an event the
 * redaction of plain personal fields rewrote, its {@code redaction} record (which redaction, the fields it sealed or
 * nulled, the link it had before: docs/adr/0019), absent otherwise.
 */
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
        String hash,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode redaction) {

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
                event.hash(),
                event.metaData().hasNonNull(ChainRedaction.REDACTION)
                        ? event.metaData().get(ChainRedaction.REDACTION)
                        : null);
    }
}
