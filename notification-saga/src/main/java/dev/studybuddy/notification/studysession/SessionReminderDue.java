package dev.studybuddy.notification.studysession;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a session's reminder deadline: the start it reminds of, so that a reminder for a time the
 * session has since left (a cancellation that raced the deadline) is recognised and dropped.
 */
public record SessionReminderDue(UUID sessionId, Instant startsAt) {}
