package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A study session was cancelled. */
@Revision("1")
public record StudySessionCancelledEvent(UUID groupId, UUID sessionId, UUID cancelledBy) {}
