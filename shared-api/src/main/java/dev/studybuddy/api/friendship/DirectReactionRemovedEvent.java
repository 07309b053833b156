package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** One of the two took their reaction to a message back. */
@Revision("1")
public record DirectReactionRemovedEvent(String friendshipId, UUID messageId, UUID userId, String emoji) {}
