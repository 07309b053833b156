package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user asked to join an APPROVAL group. */
@Revision("1")
public record JoinRequestedEvent(UUID groupId, UUID userId) {}
