package dev.studybuddy.api.group;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A study session was scheduled. */
@Revision("1")
public record StudySessionScheduledEvent(
        UUID groupId, UUID sessionId, UUID scheduledBy, String title, Instant startsAt, int durationMinutes) {}
