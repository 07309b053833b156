package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** {@code userId} has read the conversation up to {@code seq}. */
@Revision("1")
public record DirectReadPositionAdvancedEvent(String friendshipId, UUID userId, long seq) {}
