package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A member took their reaction to a message back. */
@Revision("1")
public record GroupReactionRemovedEvent(UUID groupId, UUID messageId, UUID userId, String emoji) {}
