package dev.studybuddy.platform.deadletter;

import java.time.Instant;

/**
 * One dead letter as administrators see it.
 *
 * @param sequence       what the event is parked for: its aggregate
 * @param eventId        the event's identifier, which names the letter to drop
 * @param sequenceNumber the event's place in its aggregate's stream
 * @param cause          why it was parked; null for an event parked behind an earlier one
 */
public record ParkedEvent(
        String sequence,
        String eventId,
        String payloadType,
        String aggregateType,
        Long sequenceNumber,
        Instant timestamp,
        String causeType,
        String cause,
        Instant enqueuedAt,
        Instant lastTouched) {}
