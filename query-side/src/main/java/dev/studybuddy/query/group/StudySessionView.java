package dev.studybuddy.query.group;

import java.time.Instant;
import java.util.UUID;

/** A study session of a group, as its members see it. */
record StudySessionView(
        UUID sessionId, String title, Instant startsAt, int durationMinutes, UUID scheduledBy, boolean cancelled) {}
