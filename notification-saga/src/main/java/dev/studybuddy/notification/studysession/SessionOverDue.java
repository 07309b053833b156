package dev.studybuddy.notification.studysession;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of the deadline at a session's end, which ends its saga: the end it was set for, so that one for an end
 * the session has since left (a move that raced the deadline) is recognised and dropped. Null in a deadline set
 * before the end was written into it.
 */
public record SessionOverDue(UUID sessionId, Instant endsAt) {}
