package dev.studybuddy.api.group;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A study session was cancelled. */
@Revision("1")
public record StudySessionCancelledEvent(UUID groupId, UUID sessionId, UUID cancelledBy) {
}
