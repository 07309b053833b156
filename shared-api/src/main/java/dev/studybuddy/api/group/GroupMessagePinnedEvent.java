package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A message was pinned to the group's conversation by its OWNER or an ADMIN. */
@Revision("1")
public record GroupMessagePinnedEvent(UUID groupId, UUID messageId, UUID pinnedBy) {}
