package dev.studybuddy.api.group;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A study session now reads as given (all fields are the new values). */
@Revision("1")
public record StudySessionRescheduledEvent(
        UUID groupId, UUID sessionId, String title, Instant startsAt, int durationMinutes, UUID changedBy) {}
