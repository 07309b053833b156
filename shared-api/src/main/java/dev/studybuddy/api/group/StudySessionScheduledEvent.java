package dev.studybuddy.api.group;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A study session was scheduled. */
@Revision("1")
public record StudySessionScheduledEvent(UUID groupId, UUID sessionId, UUID scheduledBy, String title,
                                         Instant startsAt, int durationMinutes) {
}
