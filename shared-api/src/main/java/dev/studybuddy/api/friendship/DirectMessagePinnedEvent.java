package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A direct message was pinned to the pair's conversation by one of the two. */
@Revision("1")
public record DirectMessagePinnedEvent(String friendshipId, UUID messageId, UUID pinnedBy) {}
