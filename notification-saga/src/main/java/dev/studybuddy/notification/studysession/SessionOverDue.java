package dev.studybuddy.notification.studysession;

import java.util.UUID;

/** The payload of the deadline at a session's end, which ends its saga. */
public record SessionOverDue(UUID sessionId) {}
