package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** One of the two reacted to a message with an emoji (one reaction per user, emoji and message). */
@Revision("1")
public record DirectReactionAddedEvent(String friendshipId, UUID messageId, UUID userId, String emoji) {}
