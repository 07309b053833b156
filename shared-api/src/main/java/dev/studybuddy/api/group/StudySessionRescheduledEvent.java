package dev.studybuddy.api.group;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A study session now reads as given (all fields are the new values). */
@Revision("1")
public record StudySessionRescheduledEvent(UUID groupId, UUID sessionId, String title, Instant startsAt,
                                           int durationMinutes, UUID changedBy) {
}
