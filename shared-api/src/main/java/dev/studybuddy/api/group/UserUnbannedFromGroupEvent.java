package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A ban was lifted. */
@Revision("1")
public record UserUnbannedFromGroupEvent(UUID groupId, UUID userId, UUID unbannedBy, boolean moderation) {}
