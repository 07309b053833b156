package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A join request was turned down. */
@Revision("1")
public record JoinRequestRejectedEvent(UUID groupId, UUID userId, UUID rejectedBy) {}
