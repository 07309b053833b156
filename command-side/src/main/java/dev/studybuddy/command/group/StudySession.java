package dev.studybuddy.command.group;

import java.time.Instant;
import java.util.UUID;

/** What the group remembers of a scheduled session: who may move or cancel it, and what it is. */
public record StudySession(UUID scheduledBy, String title, Instant startsAt, int durationMinutes, boolean cancelled) {

    StudySession rescheduled(String newTitle, Instant newStart, int newDuration) {
        return new StudySession(scheduledBy, newTitle, newStart, newDuration, cancelled);
    }

    StudySession asCancelled() {
        return new StudySession(scheduledBy, title, startsAt, durationMinutes, true);
    }
}
