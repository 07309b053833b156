package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A member reacted to a message with an emoji (one reaction per member, emoji and message). */
@Revision("1")
public record GroupReactionAddedEvent(UUID groupId, UUID messageId, UUID userId, String emoji) {}
